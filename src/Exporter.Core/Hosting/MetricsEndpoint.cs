using System.Globalization;
using System.IO.Compression;
using System.IO.Pipelines;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Core.Hosting;

/// <summary>Serves one scrape: collect (shared with concurrent scrapes), negotiate, then encode the body into the response.</summary>
internal static class MetricsEndpoint
{
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

        // The response is touched only now that the collection is done (a bad filter still gets its 400).
        var format = ContentNegotiation.ChooseFormat(request.Headers.Accept);
        var gzip = ContentNegotiation.AcceptsGzip(request.Headers.AcceptEncoding);
        var response = context.Response;
        response.ContentType = ExpositionContentTypes.For(format);
        response.Headers.Vary = "Accept, Accept-Encoding";
        if (!gzip)
        {
            // Encoded straight into the server's pipe, flushed as it fills: no copy of the body is
            // built, and the pipe's pooled segments carry it out a few at a time.
            await ExpositionWriter.WriteAsync(response.BodyWriter, result.Families, format, context.RequestAborted);
            return;
        }

        // Compressed on its way out, the same way (Prometheus asks for gzip by default).
        response.Headers.ContentEncoding = "gzip";
        await using var compressed = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
        var output = PipeWriter.Create(compressed, new StreamPipeWriterOptions(leaveOpen: true));
        await ExpositionWriter.WriteAsync(output, result.Families, format, context.RequestAborted);
        await output.CompleteAsync();
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
