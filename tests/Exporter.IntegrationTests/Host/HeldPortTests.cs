using System.Net;
using System.Net.Sockets;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Host;

/// <summary>The held port the "nothing listens here" tests rely on: refused, and nobody else may take it.</summary>
public sealed class HeldPortTests
{
    [Fact]
    public async Task A_held_port_refuses_connections_and_cannot_be_bound_again()
    {
        using var held = new HeldPort();

        using var client = new TcpClient();
        var connect = async () => await client.ConnectAsync(IPAddress.Loopback, held.Port);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);

        // .NET binds with SO_REUSEADDR, as Kestrel does: still refused.
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var bind = () => other.Bind(new IPEndPoint(IPAddress.Loopback, held.Port));
        bind.Should().Throw<SocketException>().Which.SocketErrorCode.Should().Be(SocketError.AddressAlreadyInUse);
    }
}
