using System.Globalization;
using System.Text.Json;

namespace Exporter.IntegrationTests.Stack;

/// <summary>The Prometheus HTTP query API (also answered by VictoriaMetrics).</summary>
public sealed class PromQl(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseAddress => baseAddress;

    /// <summary>An instant query: the series of the result, or an exception with the server's error.</summary>
    public async Task<IReadOnlyList<JsonElement>> QueryAsync(string query, double? time = null)
    {
        var url = "api/v1/query?query=" + Uri.EscapeDataString(query)
            + (time is null ? string.Empty : "&time=" + time.Value.ToString("R", CultureInfo.InvariantCulture));
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} for {query}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        var data = document.RootElement.GetProperty("data");
        var result = data.GetProperty("result");
        return data.GetProperty("resultType").GetString() == "vector" || data.GetProperty("resultType").GetString() == "matrix"
            ? [.. result.EnumerateArray().Select(e => e.Clone())]
            : [result.Clone()];
    }

    /// <summary>Names of all metrics that have a series.</summary>
    public async Task<IReadOnlySet<string>> MetricNamesAsync()
    {
        using var response = await _client.GetAsync(new Uri("api/v1/label/__name__/values", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("data").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<string> GetStringAsync(string relativeUrl) =>
        await _client.GetStringAsync(new Uri(relativeUrl, UriKind.Relative));

    public static double Value(JsonElement series) =>
        double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);

    public void Dispose() => _client.Dispose();
}
