using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Exporter.Host.Web;

/// <summary>
/// The host's wiring for --web.config.file: load it at start (a bad file is exit 2), TLS on each
/// listener, the request checks in front of every endpoint, the reload metric.
/// </summary>
internal static class WebSecurityExtensions
{
    /// <summary>Reads the file at start; no file is plain HTTP. Throws <see cref="WebConfigException"/>.</summary>
    public static WebConfigSnapshot LoadWebConfig(string? path) =>
        string.IsNullOrEmpty(path) ? WebConfigSnapshot.None : WebConfigSnapshot.Load(path);

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, string? path, WebConfigSnapshot initial)
    {
        path = string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new WebConfigReloader(path, initial, sp.GetRequiredService<ILogger<WebConfigReloader>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new BasicAuthenticator(new AuthCache(sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton(sp => new RateLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStartupFilter, StartupFilter>();
        if (path is not null)
        {
            services.AddSingleton(new Exporter.Core.Collection.CollectorRegistration(
                WebConfigCollector.CollectorName, true, sp => new WebConfigCollector(sp.GetRequiredService<WebConfigReloader>())));
        }

        return services;
    }

    /// <summary>
    /// TLS on a listener when the file has tls_server_config: the certificate, client CA and
    /// settings are taken from the current configuration at every handshake, so renewed files
    /// apply to the next connection. HTTP/2 only with TLS and http2 on, as in exporter-toolkit.
    /// </summary>
    public static void UseWebConfig(this ListenOptions listen)
    {
        listen.UseFirstByteTimeout();
        var reloader = listen.ApplicationServices.GetRequiredService<WebConfigReloader>();
        var initial = reloader.Current;
        if (initial.Tls is null)
        {
            listen.Protocols = HttpProtocols.Http1;
            return;
        }

        var http2 = initial.Config.Http.Http2;
        listen.Protocols = http2 ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
        listen.UseHttps(new TlsHandshakeCallbackOptions
        {
            OnConnection = _ => ValueTask.FromResult(reloader.Current.Tls!.CreateOptions(http2)),
            HandshakeTimeout = KestrelHardening.HeadersTimeout,
        });
    }

    /// <summary>Puts the checks before routing, so they cover every endpoint, present and future.</summary>
    private sealed class StartupFilter(WebConfigReloader reloader, RateLimiter limiter, BasicAuthenticator authenticator, ILogger<WebConfigReloader> logger) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            LogStart();
            var middleware = new WebSecurityMiddleware(reloader, limiter, authenticator);
            app.Use(request => context => middleware.InvokeAsync(context, request));
            next(app);
        };

        private void LogStart()
        {
            var snapshot = reloader.Current;
            if (!reloader.HasFile)
            {
                WebLog.NoFile(logger);
                return;
            }

            var config = snapshot.Config;
            var tls = config.Tls is null ? "off" : $"{config.Tls.MinVersion}..{config.Tls.MaxVersion}, certificate valid until {snapshot.Tls!.NotAfter.ToString("u", CultureInfo.InvariantCulture)}";
            var rate = config.RateLimit.Enabled ? $"{config.RateLimit.Burst} burst, 1 per {config.RateLimit.Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s" : "off";
            WebLog.Started(logger, reloader.Path!, tls, config.Tls is not null && config.Http.Http2, (config.Tls?.ClientAuth ?? ClientAuthType.NoClientCert).ToString(), config.Users.Count, rate);
            foreach (var note in snapshot.Unsupported)
            {
                WebLog.Unsupported(logger, note);
            }
        }
    }
}
