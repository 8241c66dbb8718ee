using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Exporter.Databases.MongoDb;

namespace Exporter.IntegrationTests.Databases.MongoDb;

/// <summary>Our client against the spec-built responder, without the host in between.</summary>
public class MongoConnectionTests
{
    private static readonly FakeDatabase Shop = new("shop", 3, 1234, 56789.5, 98304, 45056);

    [Fact]
    public async Task Authenticates_and_reads_the_statistics()
    {
        await using var responder = new MongoResponder("exporter", "s3cret-Pa55", new FakeDatabase("admin", 1, 2, 300, 4096, 4096), Shop);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await using var connection = await MongoConnection.OpenAsync("127.0.0.1", responder.Port, false, null, "exporter", "s3cret-Pa55", "admin", cts.Token);
        var stats = await MongoServerStats.ReadAsync(connection, cts.Token);

        stats.Version.Should().Be("7.0.14");
        stats.Databases.Select(d => d.Name).Should().Equal("admin", "shop");
        stats.Databases[1].Should().Be(new MongoDatabaseStats("shop", 3, 1234, 56789.5, 98304, 45056));
        stats.Connections.Should().Contain(("current", 3)).And.Contain(("available", 838857));
        responder.Commands.Should().Equal("hello", "saslStart", "saslContinue", "listDatabases", "dbStats", "dbStats", "serverStatus");
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_error_without_the_password()
    {
        await using var responder = new MongoResponder("exporter", "s3cret-Pa55", Shop);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var act = () => MongoConnection.OpenAsync("127.0.0.1", responder.Port, false, null, "exporter", "wrong-Pa55", "admin", cts.Token);

        var error = (await act.Should().ThrowAsync<MongoException>()).Which;
        error.Message.Should().Contain("Authentication failed").And.NotContain("wrong-Pa55");
    }

    [Fact]
    public async Task A_silent_server_is_bounded_by_the_token()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // completes TCP handshakes from its backlog, never reads
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var act = () => MongoConnection.OpenAsync("127.0.0.1", ((IPEndPoint)silent.LocalEndpoint).Port, false, null, null, null, "admin", cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Speaks_tls_to_a_server_whose_ca_it_is_given()
    {
        using var certificate = TestCertificate.Create();
        await using var responder = new MongoResponder("exporter", "s3cret-Pa55", Shop) { Certificate = certificate };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var ca = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(certificate.RawData));

        await using var connection = await MongoConnection.OpenAsync("127.0.0.1", responder.Port, true, ca, "exporter", "s3cret-Pa55", "admin", cts.Token);
        var stats = await MongoServerStats.ReadAsync(connection, cts.Token);

        stats.Databases.Single().Name.Should().Be("shop");
    }

    [Fact]
    public async Task Refuses_a_tls_server_it_cannot_verify()
    {
        using var certificate = TestCertificate.Create();
        await using var responder = new MongoResponder("exporter", "s3cret-Pa55", Shop) { Certificate = certificate };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // Neither the system store nor a CA file vouches for the self-signed certificate.
        var act = () => MongoConnection.OpenAsync("127.0.0.1", responder.Port, true, null, "exporter", "s3cret-Pa55", "admin", cts.Token);

        await act.Should().ThrowAsync<AuthenticationException>();
        responder.Commands.Should().BeEmpty();
    }
}
