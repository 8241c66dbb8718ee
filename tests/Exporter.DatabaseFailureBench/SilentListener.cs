using System.Net;
using System.Net.Sockets;

namespace Exporter.DatabaseFailureBench;

/// <summary>Accepts connections and never reads or writes: a server that hangs after the handshake.</summary>
internal sealed class SilentListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private readonly Task _loop;

    public SilentListener()
    {
        _listener.Start(backlog: 512);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public void Dispose()
    {
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        lock (_accepted)
        {
            foreach (var socket in _accepted)
            {
                socket.Dispose();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_accepted)
            {
                // Closed by the client since: let go of it, the rest stay open and unanswered.
                _accepted.RemoveAll(s => s.Poll(0, SelectMode.SelectRead) && s.Available == 0 && Close(s));
                _accepted.Add(socket);
            }
        }
    }

    private static bool Close(Socket socket)
    {
        socket.Dispose();
        return true;
    }
}
