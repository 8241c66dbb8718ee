using System.Security.Cryptography.X509Certificates;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.X509;
using Exporter.Core.Security;

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
            credentials.ServerCertificateValidationCallback = PrivateCertificateAuthority.Callback(PrivateCertificateAuthority.Load(caFile));
        }

        return credentials;
    }

}
