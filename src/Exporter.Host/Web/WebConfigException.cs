namespace Exporter.Host.Web;

/// <summary>
/// The web configuration file cannot be used. The message names the key (e.g.
/// <c>tls_server_config.min_version</c>) and never quotes a secret: no password hash, no key, no
/// inline certificate.
/// </summary>
internal sealed class WebConfigException : Exception
{
    public WebConfigException(string message)
        : base(message)
    {
    }

    public WebConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public WebConfigException()
    {
    }
}
