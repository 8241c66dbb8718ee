using System.Globalization;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Core.Hosting;

/// <summary>Serves one scrape: negotiate, collect (shared with concurrent scrapes), then write the finished body.</summary>
internal static class MetricsEndpoint
{
    private const int WriteSlice = 32 * 1024;

    public static async Task HandleAsync(HttpContext context)
    {
        var scraper = context.RequestServices.GetRequiredService<Scraper>();
        var request = context.Request;
        var filter = new CollectorFilter(
            [.. request.Query["collect[]"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
            [.. request.Query["exclude[]"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)]);

        ScrapeResult result;
        try
        {
            result = await scraper.ScrapeAsync(filter, ScrapeTimeout(request.Headers["X-Prometheus-Scrape-Timeout-Seconds"]));
        }
        catch (ArgumentException e)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Couldn't create filtered metrics handler: {e.Message.Split(" (", 2)[0]}\n");
            return;
        }

        // The response is touched only now that the body is complete.
        var format = ContentNegotiation.ChooseFormat(request.Headers.Accept);
        var gzip = ContentNegotiation.AcceptsGzip(request.Headers.AcceptEncoding);
        var body = result.GetBody(format, gzip);
        var response = context.Response;
        response.ContentType = ExpositionContentTypes.For(format);
        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        response.Headers.Vary = "Accept, Accept-Encoding";
        response.ContentLength = body.Length;

        // In slices, each flushed before the next: the server's pipe then holds one slice at a time
        // from its pool instead of a copy of the whole body (a megabyte at 10,000 series) per scrape.
        for (var offset = 0; offset < body.Length; offset += WriteSlice)
        {
            await response.Body.WriteAsync(body.AsMemory(offset, Math.Min(WriteSlice, body.Length - offset)), context.RequestAborted);
        }
    }

    /// <summary>
    /// Prometheus sends its scrape timeout; collectors get a little less, so the answer (with the
    /// failed collector marked) still arrives in time.
    /// </summary>
    internal static TimeSpan? ScrapeTimeout(string? header)
    {
        if (!double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || !double.IsFinite(seconds))
        {
            return null;
        }

        return TimeSpan.FromSeconds(Math.Max(seconds - 0.5, seconds * 0.5));
    }
}
