namespace Exporter.Docker;

/// <summary>
/// Where the engine listens, from a DOCKER_HOST-style URI: unix:///path/to/docker.sock, or
/// tcp://host:port (http; https when TLS is on, as the docker CLI does with DOCKER_TLS_VERIFY).
/// </summary>
internal sealed record DockerEndpoint(string? SocketPath, Uri BaseAddress, bool Tls)
{
    public const string DefaultHost = "unix:///var/run/docker.sock";

    /// <summary>The URI the HTTP requests use; for a unix socket the host part is a placeholder.</summary>
    public bool IsUnixSocket => SocketPath is not null;

    /// <summary>
    /// The host to use: the configured one, else DOCKER_HOST, else the default socket, as the docker
    /// CLI chooses.
    /// </summary>
    public static string ChooseHost(string? configured, string? dockerHostVariable) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : !string.IsNullOrWhiteSpace(dockerHostVariable) ? dockerHostVariable
        : DefaultHost;

    /// <summary>Parses a host URI; throws <see cref="FormatException"/> with what is wrong.</summary>
    public static DockerEndpoint Parse(string host, bool tls)
    {
        if (host.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = host["unix://".Length..];
            if (path.Length == 0 || path[0] != '/')
            {
                throw new FormatException($"docker: host '{host}': a unix socket needs an absolute path, e.g. {DefaultHost}");
            }

            return new DockerEndpoint(path, new Uri("http://localhost/"), Tls: false);
        }

        if (host.StartsWith("tcp://", StringComparison.Ordinal) || host.StartsWith("http://", StringComparison.Ordinal) || host.StartsWith("https://", StringComparison.Ordinal))
        {
            var rest = host[(host.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
            var https = tls || host.StartsWith("https://", StringComparison.Ordinal);
            if (!Uri.TryCreate($"{(https ? "https" : "http")}://{rest}/", UriKind.Absolute, out var uri) || rest.Length == 0 || uri.AbsolutePath != "/")
            {
                throw new FormatException($"docker: host '{host}' is not host:port");
            }

            // The engine's conventional ports: 2375 plain, 2376 TLS.
            if (!rest.Contains(':', StringComparison.Ordinal) || rest.EndsWith(']'))
            {
                uri = new UriBuilder(uri) { Port = https ? 2376 : 2375 }.Uri;
            }

            return new DockerEndpoint(null, uri, https);
        }

        throw new FormatException($"docker: host '{host}': expected unix:///path or tcp://host:port");
    }
}
