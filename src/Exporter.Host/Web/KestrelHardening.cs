using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Exporter.Host.Web;

/// <summary>
/// Kestrel's limits set for a metrics endpoint, with or without a web configuration file. A scraper
/// sends one small GET with a handful of headers and reads a response of tens of kilobytes;
/// nothing here needs large headers, bodies, many streams or slow clients. Kestrel's own defaults
/// (no connection limit, 30 MB bodies, 32 KiB of headers, 30 s for headers, 130 s keep-alive) are
/// for general web apps. Each value is in docs/security.md.
/// </summary>
internal static class KestrelHardening
{
    /// <summary>Enough for many Prometheus servers and browsers; a flood beyond it is closed at accept.</summary>
    public const int MaxConnections = 2048;

    /// <summary>Headers of a scrape are well under 2 KiB; browsers with cookies under 8 KiB.</summary>
    public const int MaxHeadersBytes = 16 * 1024;

    public const int MaxHeaderCount = 64;

    /// <summary>Request line: a long collect[] list of every collector is still under 2 KiB.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    /// <summary>All headers must arrive within this, however slowly they are sent (slowloris gets a 408).</summary>
    public static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(10);

    /// <summary>An idle connection is closed after this; longer than Prometheus' default 1 m scrape interval, so its connection is reused.</summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(75);

    /// <summary>A client must read the response at least this fast (after a 5 s grace).</summary>
    public static readonly MinDataRate MinResponseRate = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));

    public static void Apply(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        var limits = kestrel.Limits;
        limits.MaxConcurrentConnections = MaxConnections;
        limits.MaxConcurrentUpgradedConnections = 0;
        limits.MaxRequestHeadersTotalSize = MaxHeadersBytes;
        limits.MaxRequestHeaderCount = MaxHeaderCount;
        limits.MaxRequestLineSize = MaxRequestLineBytes;
        limits.MaxRequestBodySize = 0;
        limits.RequestHeadersTimeout = HeadersTimeout;
        limits.KeepAliveTimeout = KeepAliveTimeout;
        limits.MinRequestBodyDataRate = MinResponseRate;
        limits.MinResponseDataRate = MinResponseRate;
        limits.Http2.MaxStreamsPerConnection = 16;
        limits.Http2.MaxRequestHeaderFieldSize = MaxHeadersBytes;
    }
}
