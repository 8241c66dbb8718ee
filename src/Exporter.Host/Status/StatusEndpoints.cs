using System.Text.Json;
using Exporter.Core.Collection;
using Microsoft.Extensions.Logging;

namespace Exporter.Host.Status;

/// <summary>
/// The status page at / and its document at /api/v1/status, both GET and HEAD only (anything else
/// is 405 from routing). Both read the same ring; neither collects on its own.
/// </summary>
internal static class StatusEndpoints
{
    public const string ApiPath = "/api/v1/status";

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps / and /api/v1/status; settings from Exporter:Status (see <see cref="StatusOptions"/>).</summary>
    public static void MapStatusPage(this WebApplication app, string telemetryPath)
    {
        var options = StatusOptions.From(app.Configuration.GetSection("Exporter:Status"));
        var scraper = app.Services.GetRequiredService<Scraper>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var ring = new StatusRing(
            _ => CollectAsync(scraper, time), time, options.RefreshInterval, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Exporter.Host.Status"));
        app.Lifetime.ApplicationStopping.Register(ring.Dispose);

        // Made on the first view: hashing the page's script for its security policy loads the
        // system's crypto library, memory a host nobody looks at should not pay.
        var template = new Lazy<StatusPageTemplate>(() => new StatusPageTemplate(telemetryPath, HostVersion.Text, scraper.EnabledCollectors, options.RefreshInterval));

        app.MapMethods("/", Methods, context => PageAsync(context, ring, template)).WithDisplayName("Status page");
        app.MapMethods(ApiPath, Methods, context => ApiAsync(context, ring)).WithDisplayName("Status API");
    }

    /// <summary>One collection through the scraper's single flight: a scrape running now is joined, not repeated.</summary>
    internal static async Task<StatusReading> CollectAsync(Scraper scraper, TimeProvider time)
    {
        var at = time.GetUtcNow();
        var monotonic = TimeSpan.FromSeconds(time.GetTimestamp() / (double)time.TimestampFrequency);
        var result = await scraper.ScrapeAsync(CollectorFilter.None).ConfigureAwait(false);
        return new StatusReading(result.Families, result.CollectorErrors, at, monotonic);
    }

    private static async Task PageAsync(HttpContext context, StatusRing ring, Lazy<StatusPageTemplate> lazy)
    {
        var snapshot = await ring.ViewAsync(context.RequestAborted);
        var template = lazy.Value;
        var response = context.Response;
        NoStore(response);
        if (snapshot is null)
        {
            await Unavailable(context, "text/plain; charset=utf-8", "No collection yet: the first one failed (see the log). Reload in a moment.\n"u8.ToArray());
            return;
        }

        response.Headers.ContentSecurityPolicy = template.ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        await WriteAsync(context, "text/html; charset=utf-8", snapshot.Page(template.Render));
    }

    private static async Task ApiAsync(HttpContext context, StatusRing ring)
    {
        var response = context.Response;
        NoStore(response);

        // The document takes no parameters: one that is sent is a mistake (or meant for a later
        // version), and saying so beats answering as if it had been understood.
        if (context.Request.Query.Count > 0)
        {
            var names = string.Join(", ", context.Request.Query.Keys.Take(5).Select(k => k.Length > 40 ? k[..40] + "…" : k));
            response.StatusCode = StatusCodes.Status400BadRequest;
            await WriteAsync(context, "application/json; charset=utf-8", Error($"unknown query parameter(s): {names}; {ApiPath} takes none"));
            return;
        }

        var snapshot = await ring.ViewAsync(context.RequestAborted);
        if (snapshot is null)
        {
            await Unavailable(context, "application/json; charset=utf-8", Error("no collection yet: the first one failed (see the log); retry in a moment"));
            return;
        }

        await WriteAsync(context, "application/json; charset=utf-8", snapshot.Json);
    }

    private static byte[] Error(string message) => JsonSerializer.SerializeToUtf8Bytes(new StatusError(message), StatusJsonContext.Default.StatusError);

    private static Task Unavailable(HttpContext context, string contentType, byte[] body)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return WriteAsync(context, contentType, body);
    }

    private static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
    }

    private static Task WriteAsync(HttpContext context, string contentType, byte[] body)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
