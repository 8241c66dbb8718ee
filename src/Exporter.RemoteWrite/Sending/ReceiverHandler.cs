using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Exporter.Core.Security;
using Exporter.RemoteWrite.Configuration;

namespace Exporter.RemoteWrite.Sending;

/// <summary>The HTTP handler for one receiver: connection pooling, and its TLS settings (Prometheus' tls_config).</summary>
internal static class ReceiverHandler
{
    public static SocketsHttpHandler Create(ReceiverSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            // A redirected POST would turn into a GET; a receiver that redirects is misconfigured.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = settings.Timeout,

            // Re-resolve the receiver's name now and then (a load balancer's addresses change).
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseProxy = true,
        };

        if (settings.Tls is { } tls)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = tls.CertFile is { } cert && tls.KeyFile is { } key ? [LoadClientCertificate(cert, key)] : null,
                RemoteCertificateValidationCallback = Validator(tls),
            };
        }

        return handler;
    }

    // PEM keys loaded this way are ephemeral; a round trip through PKCS#12 gives one SslStream can use on every platform.
    private static X509Certificate2 LoadClientCertificate(string certFile, string keyFile)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certFile, keyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>
    /// Checks the receiver's certificate: against the CA file when one is given (instead of the system's
    /// roots), and for <c>server_name</c> instead of the URL's host when one is given. SocketsHttpHandler
    /// always sends the URL's host as SNI, so server_name changes what is checked, not what is sent.
    /// </summary>
    private static RemoteCertificateValidationCallback Validator(TlsOptions tls)
    {
        X509Certificate2Collection? roots = null;
        if (tls.CaFile is { } caFile)
        {
            roots = [];
            roots.ImportFromPemFile(caFile);
        }

        return (_, certificate, chain, errors) =>
        {
            // insecure_skip_verify: the user chose to accept any certificate (a test receiver).
            if (tls.InsecureSkipVerify)
            {
                return true;
            }

            if (certificate is null)
            {
                return false;
            }

            var nameMismatch = (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0;
            var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            var nameOk = tls.ServerName is { } serverName ? leaf.MatchesHostname(serverName) : !nameMismatch;
            if (!nameOk)
            {
                return false;
            }

            if (roots is null)
            {
                return (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0;
            }

            return PrivateCertificateAuthority.ChainsTo(roots, leaf, chain);
        };
    }
}
