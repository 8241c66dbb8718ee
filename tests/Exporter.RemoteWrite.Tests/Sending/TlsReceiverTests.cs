using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Exporter.RemoteWrite.Configuration;
using Exporter.RemoteWrite.Sending;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.RemoteWrite.Tests.Sending;

/// <summary>
/// The receiver's TLS settings against a real TLS server (Kestrel on loopback) whose certificate is
/// issued by a private CA for the name receiver.internal only, and which requires a client
/// certificate from that CA.
/// </summary>
public sealed class TlsReceiverTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("push-tls-").FullName;
    private WebApplication? _server;
    private string _url = string.Empty;
    private int _clientCertificates;

    public async Task InitializeAsync()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=push test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        await File.WriteAllTextAsync(Path.Join(_dir, "ca.pem"), ca.ExportCertificatePem());
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("receiver.internal");
        var caSubject = ca.Subject;
        var server = Issue(ca, "CN=receiver", "1.3.6.1.5.5.7.3.1", san.Build(), "server");
        Issue(ca, "CN=exporter", "1.3.6.1.5.5.7.3.2", null, "client");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = server,
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = (certificate, _, _) => certificate.Issuer == caSubject,
        })));
        _server = builder.Build();
        _server.MapPost("/api/v1/write", context =>
        {
            if (context.Connection.ClientCertificate is not null)
            {
                Interlocked.Increment(ref _clientCertificates);
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        await _server.StartAsync();
        var address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _url = $"https://127.0.0.1:{address.Port}/api/v1/write";
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task With_the_CA_the_server_name_and_a_client_certificate_the_push_goes_through()
    {
        var result = await SendAsync(Tls(serverName: "receiver.internal"));

        result.Outcome.Should().Be(SendOutcome.Sent, result.Reason);
        _clientCertificates.Should().Be(1);
    }

    [Fact]
    public async Task A_certificate_for_another_name_or_from_an_unknown_CA_is_refused_and_retried()
    {
        (await SendAsync(Tls(serverName: null))).Outcome.Should().Be(SendOutcome.Retry, "the certificate is not for 127.0.0.1");
        (await SendAsync(Tls(serverName: "other.internal"))).Outcome.Should().Be(SendOutcome.Retry);
        (await SendAsync(Tls(serverName: "receiver.internal", ca: false))).Outcome.Should().Be(SendOutcome.Retry, "the system's roots do not know the CA");
        _clientCertificates.Should().Be(0);
    }

    [Fact]
    public async Task Skip_verify_accepts_the_certificate_anyway()
    {
        var tls = Tls(serverName: null, ca: false);
        tls.InsecureSkipVerify = true;

        (await SendAsync(tls)).Outcome.Should().Be(SendOutcome.Sent);
    }

    private TlsOptions Tls(string? serverName, bool ca = true) => new()
    {
        CaFile = ca ? Path.Join(_dir, "ca.pem") : null,
        CertFile = Path.Join(_dir, "client-cert.pem"),
        KeyFile = Path.Join(_dir, "client-key.pem"),
        ServerName = serverName,
    };

    private async Task<SendResult> SendAsync(TlsOptions tls)
    {
        var options = new RemoteWriteOptions { TlsConfig = tls, Timeout = TimeSpan.FromSeconds(30) };
        var receiver = new ReceiverOptions { Url = _url };
        new RemoteWriteOptionsValidator().Validate(null, new RemoteWriteOptions { TlsConfig = tls, Receivers = { receiver } }).Succeeded.Should().BeTrue();
        using var client = new RemoteWriteClient(ReceiverSettings.Resolve(options, receiver), TimeProvider.System);
        return await client.SendAsync(Snappier.Snappy.CompressToArray([]), CancellationToken.None);
    }

    private X509Certificate2 Issue(X509Certificate2 ca, string subject, string usage, X509Extension? san, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(Path.Join(_dir, name + "-cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Join(_dir, name + "-key.pem"), key.ExportPkcs8PrivateKeyPem());
        using var withKey = certificate.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
