using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exporter.Host.Web;

/// <summary>
/// Decides at the handshake whether a client's certificate is acceptable, as Go's crypto/tls does for
/// each client_auth_type: whether one is needed, whether its chain must lead to the client CA (or
/// the system's roots when none is set) with the clientAuth usage, and whether one of its SANs is
/// in client_allowed_sans (exact match over DNS, e-mail, IP and URI names, as the toolkit's
/// VerifyPeerCertificate). Refusing here fails the handshake: the request never reaches the app.
/// </summary>
internal sealed class ClientCertificatePolicy(ClientAuthType mode, X509Certificate2Collection? clientCas, IReadOnlyList<string> allowedSans)
{
    private static readonly Oid ClientAuthUsage = new("1.3.6.1.5.5.7.3.2");

    public ClientAuthType Mode => mode;

    /// <summary>
    /// True to go on with the handshake. <paramref name="presented"/> holds what the client sent
    /// beyond its leaf (intermediates); it may be null.
    /// </summary>
    public bool Accepts(X509Certificate2? certificate, IEnumerable<X509Certificate2>? presented)
    {
        if (certificate is null)
        {
            return mode is ClientAuthType.NoClientCert or ClientAuthType.RequestClientCert or ClientAuthType.VerifyClientCertIfGiven;
        }

        var verify = mode is ClientAuthType.VerifyClientCertIfGiven or ClientAuthType.RequireAndVerifyClientCert;
        if (verify && !ChainsToTrustedRoot(certificate, presented))
        {
            return false;
        }

        return allowedSans.Count == 0 || SubjectAlternativeNames(certificate).Any(allowedSans.Contains);
    }

    private bool ChainsToTrustedRoot(X509Certificate2 certificate, IEnumerable<X509Certificate2>? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthUsage);
        if (clientCas is not null)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(clientCas);
        }

        foreach (var extra in presented ?? [])
        {
            if (!extra.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span))
            {
                chain.ChainPolicy.ExtraStore.Add(extra);
            }
        }

        return chain.Build(certificate);
    }

    /// <summary>DNS names, e-mail addresses, IP addresses and URIs of the certificate's SAN extension, as Go prints them.</summary>
    internal static IEnumerable<string> SubjectAlternativeNames(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions["2.5.29.17"];
        if (extension is null)
        {
            return [];
        }

        var names = new List<string>();
        try
        {
            var sequence = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (sequence.HasData)
            {
                var tag = sequence.PeekTag();
                switch (tag.TagClass == TagClass.ContextSpecific ? tag.TagValue : -1)
                {
                    case 1 or 2 or 6: // rfc822Name, dNSName, uniformResourceIdentifier
                        names.Add(sequence.ReadCharacterString(UniversalTagNumber.IA5String, tag));
                        break;
                    case 7: // iPAddress
                        var ip = new IPAddress(sequence.ReadOctetString(tag));
                        names.Add((ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString());
                        break;
                    default:
                        sequence.ReadEncodedValue();
                        break;
                }
            }
        }
        catch (AsnContentException)
        {
            return [];
        }

        return names;
    }
}
