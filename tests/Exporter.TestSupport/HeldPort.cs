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
        // Without SO_REUSEADDR no other socket may bind the port, listening or not.
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
