using System.Net;
using System.Net.Sockets;

namespace Exporter.TestSupport;

/// <summary>
/// A loopback TCP port this test holds: bound, never listening. A connection to it is refused
/// (the kernel answers RST), and no other process can take the port while it is held, so a
/// "nothing listens here" target stays that way however many tests run at once.
/// </summary>
public sealed class HeldPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public HeldPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        // .NET sets SO_REUSEADDR on every socket it binds, and Linux lets a second SO_REUSEADDR
        // socket bind (and listen on) a port whose holder does not listen. Cleared after the bind,
        // the kernel refuses any other bind of the port.
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
