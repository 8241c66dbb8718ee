using Microsoft.Extensions.Logging;

namespace Exporter.Host.Web;

/// <summary>The web configuration's log lines. They name files and keys, never a hash, key or password.</summary>
internal static partial class WebLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Web configuration {Path}: TLS {Tls}, http2 {Http2}, client certificates {ClientAuth}, basic auth users {Users}, rate limit {RateLimit}")]
    public static partial void Started(ILogger logger, string path, string tls, bool http2, string clientAuth, int users, string rateLimit);

    [LoggerMessage(Level = LogLevel.Information, Message = "No web configuration file: plain HTTP, no authentication (see --web.config.file)")]
    public static partial void NoFile(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web configuration: {Note}")]
    public static partial void Unsupported(ILogger logger, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web configuration {Path} reloaded: {Users} basic auth users, server certificate valid until {NotAfter}")]
    public static partial void Reloaded(ILogger logger, string path, int users, DateTime? notAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Web configuration {Path} not reloaded, the last good one stays in use: {Error}")]
    public static partial void ReloadFailed(ILogger logger, string path, string error);
}
