using System.Net;
using System.Net.Sockets;

namespace Exporter.TestSupport;

/// <summary>
/// A TCP port on 127.0.0.1 that nothing listened on a moment ago: only a candidate. Another test
/// can take it before the server this number is handed to binds it, so use it only through
/// <see cref="PortConflicts"/> (retry on conflict); prefer port 0 (<see cref="LocalServer"/>), and
/// <see cref="HeldPort"/> for a port where nothing may listen.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
