using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exporter.Core.Security;

/// <summary>
/// A server's TLS certificate checked against a private certificate authority (a target's
/// <c>tls_ca_file</c>, the docker CLI's <c>ca.pem</c>) instead of the system's trusted roots, as Go
/// clients do with their own <c>RootCAs</c> pool: the chain must end at one of the given
/// certificates, and the host name is checked as usual. Revocation is not checked: a private CA
/// seldom publishes a revocation list the exporter could reach.
/// </summary>
public static class PrivateCertificateAuthority
{
    /// <summary>
    /// The CA certificates of a PEM file. Read it again for each new connection and a renewed CA is
    /// picked up without a restart.
    /// </summary>
    /// <param name="pemFile">A file of one or more PEM certificates.</param>
    /// <returns>The certificates, at least one.</returns>
    /// <exception cref="IOException">The file cannot be read, or holds no certificate; the message names the file.</exception>
    public static X509Certificate2Collection Load(string pemFile)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(pemFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new IOException($"CA file {pemFile} cannot be read: {e.Message}", e);
        }

        return certificates.Count > 0 ? certificates : throw new IOException($"CA file {pemFile} holds no certificate");
    }

    /// <summary>
    /// A <see cref="RemoteCertificateValidationCallback"/> (for <see cref="SslStream"/>, SocketsHttpHandler
    /// or a client library's TLS settings) that accepts what <see cref="Validate"/> accepts.
    /// </summary>
    /// <param name="authorities">The CA certificates to trust, and no others.</param>
    public static RemoteCertificateValidationCallback Callback(X509Certificate2Collection authorities)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        return (_, certificate, chain, errors) => Validate(authorities, certificate, chain, errors);
    }

    /// <summary>
    /// True when the server sent a certificate, its name matches the host connected to (the TLS
    /// stack's own check, in <paramref name="errors"/>), and its chain ends at one of
    /// <paramref name="authorities"/>. The stack's chain errors are ignored: it built that chain
    /// against the system's roots, which are not the ones trusted here.
    /// </summary>
    /// <param name="authorities">The CA certificates to trust, and no others.</param>
    /// <param name="certificate">The server's certificate, as the callback got it.</param>
    /// <param name="chain">The chain the TLS stack built, as the callback got it: its certificates serve as intermediates.</param>
    /// <param name="errors">The TLS stack's verdict, as the callback got it.</param>
    public static bool Validate(X509Certificate2Collection authorities, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        return ChainsTo(authorities, certificate, chain);
    }

    /// <summary>
    /// True when <paramref name="certificate"/>'s chain ends at one of <paramref name="authorities"/>,
    /// with the intermediates the server sent (in <paramref name="presented"/>) and no system root.
    /// The name is not looked at: for callers that check it their own way.
    /// </summary>
    /// <param name="authorities">The CA certificates to trust, and no others.</param>
    /// <param name="certificate">The server's certificate.</param>
    /// <param name="presented">The chain the TLS stack built, or null.</param>
    public static bool ChainsTo(X509Certificate2Collection authorities, X509Certificate certificate, X509Chain? presented)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            // Only as intermediates: in CustomRootTrust mode nothing in the extra store is an anchor.
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
