namespace Exporter.RemoteWrite.Configuration;

/// <summary>One receiver's settings with the shared ones filled in: what its client and queue are built from.</summary>
internal sealed record ReceiverSettings(
    Uri Url,
    TimeSpan Timeout,
    IReadOnlyDictionary<string, string> Headers,
    BasicAuthOptions? BasicAuth,
    string? BearerTokenFile,
    TlsOptions? Tls)
{
    /// <summary>The URL without credentials, query or fragment: safe for logs and the <c>url</c> label.</summary>
    public string SafeUrl { get; } = Url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    public static ReceiverSettings Resolve(RemoteWriteOptions options, ReceiverOptions receiver)
    {
        var headers = new Dictionary<string, string>(options.Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in receiver.Headers)
        {
            headers[name] = value;
        }

        // A receiver with credentials of its own uses neither of the shared ones.
        var ownCredentials = receiver.BasicAuth is not null || receiver.BearerTokenFile is not null;
        return new ReceiverSettings(
            new Uri(receiver.Url, UriKind.Absolute),
            receiver.Timeout ?? options.Timeout,
            headers,
            ownCredentials ? receiver.BasicAuth : options.BasicAuth,
            ownCredentials ? receiver.BearerTokenFile : options.BearerTokenFile,
            receiver.TlsConfig ?? options.TlsConfig);
    }
}
