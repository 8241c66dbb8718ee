using Microsoft.Extensions.Logging;

namespace Exporter.Host.Web;

/// <summary>
/// Keeps the web configuration current without a restart: every request and every TLS handshake
/// asks for <see cref="Current"/>, which compares the stamps (mtime and size) of the file and the
/// certificate files it names, and reloads only when one changed. Renewed certificates apply from
/// the next handshake, changed users from the next request. A file broken at run time keeps the
/// last good configuration serving, is logged once (again only when the error changes), and shows as
/// exporter_web_config_last_reload_successful 0 until a good version arrives. Whether TLS is on
/// and http2 are fixed at start (as in exporter-toolkit): a change to them is refused the same way.
/// </summary>
internal sealed class WebConfigReloader
{
    /// <summary>
    /// While the file is broken, how often it is tried again even if unchanged: a certificate file it
    /// names may be the one still missing, and only the file's own stamp is known then.
    /// </summary>
    internal static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private readonly string? _path;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private volatile WebConfigSnapshot _current;
    private IReadOnlyList<FileStamp>? _failedStamps;
    private long _lastAttempt;
    private string? _lastError;

    public WebConfigReloader(string? path, WebConfigSnapshot initial, ILogger<WebConfigReloader> logger, TimeProvider time)
    {
        _path = path;
        _current = initial;
        _logger = logger;
        _time = time;
        LastSuccess = time.GetUtcNow();
    }

    public bool LastReloadSuccessful { get; private set; } = true;

    public DateTimeOffset LastSuccess { get; private set; }

    public bool HasFile => _path is not null;

    public string? Path => _path;

    public WebConfigSnapshot Current
    {
        get
        {
            var current = _current;
            if (_path is null || !current.Changed)
            {
                return current;
            }

            lock (_lock)
            {
                var now = _time.GetTimestamp();
                var retry = _failedStamps is null || _failedStamps.Any(s => s.Changed) || _time.GetElapsedTime(_lastAttempt, now) >= RetryInterval;
                if (_current == current && retry)
                {
                    _lastAttempt = now;
                    Reload();
                }

                return _current;
            }
        }
    }

    private void Reload()
    {
        var stamps = new[] { FileStamp.Of(_path!) }.Concat(_current.Stamps.Skip(1).Select(s => FileStamp.Of(s.Path))).ToList();
        try
        {
            var next = WebConfigSnapshot.Load(_path!);
            if ((next.Tls is null) != (_current.Tls is null))
            {
                throw new WebConfigException($"TLS was turned {(next.Tls is null ? "off" : "on")}; that needs a restart");
            }

            if (next.Tls is not null && next.Config.Http.Http2 != _current.Config.Http.Http2)
            {
                throw new WebConfigException("http_server_config.http2 changed; that needs a restart");
            }

            _current = next;
            _failedStamps = null;
            _lastError = null;
            LastReloadSuccessful = true;
            LastSuccess = _time.GetUtcNow();
            WebLog.Reloaded(_logger, _path!, next.Config.Users.Count, next.Tls?.NotAfter);
            foreach (var note in next.Unsupported)
            {
                WebLog.Unsupported(_logger, note);
            }
        }
        catch (WebConfigException e)
        {
            // Remember which version failed, so a broken file is not re-read per request, nor logged again.
            _failedStamps = stamps;
            LastReloadSuccessful = false;
            if (e.Message != _lastError)
            {
                _lastError = e.Message;
                WebLog.ReloadFailed(_logger, _path!, e.Message);
            }
        }
    }
}
