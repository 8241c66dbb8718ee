using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.X509;

namespace Exporter.Docker;

/// <summary>
/// TLS to a tcp:// engine as the docker CLI does it with DOCKER_CERT_PATH: cert.pem/key.pem as the
/// client certificate, and the server checked against ca.pem alone (host name included). Without a
/// directory the server is checked against the system's trusted roots.
/// </summary>
internal static class DockerTls
{
    public static IAuthProvider Credentials(string? certPath)
    {
        if (string.IsNullOrWhiteSpace(certPath))
        {
            return new CertificateCredentials(null!);
        }

        var certFile = Path.Join(certPath, "cert.pem");
        var credentials = new CertificateCredentials(File.Exists(certFile) ? X509Certificate2.CreateFromPemFile(certFile, Path.Join(certPath, "key.pem")) : null!);
        var caFile = Path.Join(certPath, "ca.pem");
        if (File.Exists(caFile))
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(caFile);
            credentials.ServerCertificateValidationCallback = (_, certificate, _, errors) => IssuedBy(authorities, certificate, errors);
        }

        return credentials;
    }

    /// <summary>The name must match; the chain must end at one of <paramref name="authorities"/>, not the system's roots.</summary>
    internal static bool IssuedBy(X509Certificate2Collection authorities, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
