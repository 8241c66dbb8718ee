using System.Net;

namespace Exporter.TestSupport.Exposition;

/// <summary>One HTTP answer from a metrics endpoint.</summary>
public sealed record ScrapeResponse(HttpStatusCode Status, string? ContentType, string? ContentEncoding, string Body)
{
    /// <summary>The body parsed; throws <see cref="FormatException"/> when it is not valid exposition text.</summary>
    public ParsedExposition Parse() => ExpositionParser.Parse(Body);
}

/// <summary>Fetches a metrics endpoint the way a scraper does, with the headers the test chooses.</summary>
public static class Scrapes
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static async Task<ScrapeResponse> GetAsync(Uri uri, string? accept = null, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = string.Join(",", response.Content.Headers.ContentEncoding);
        var body = encoding == "gzip" ? Gunzip(bytes) : System.Text.Encoding.UTF8.GetString(bytes);
        return new ScrapeResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), encoding.Length == 0 ? null : encoding, body);
    }

    /// <summary>Fetches and parses a 200 answer in the text format.</summary>
    public static async Task<ParsedExposition> ParseAsync(Uri uri)
    {
        var response = await GetAsync(uri);
        if (response.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{uri} answered {(int)response.Status}: {response.Body}");
        }

        return response.Parse();
    }

    private static string Gunzip(byte[] bytes)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(input, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
