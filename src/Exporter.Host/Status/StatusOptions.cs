using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Exporter.Host.Status;

/// <summary>
/// Exporter:Status settings. RefreshInterval: how often the page refreshes and, while it is open,
/// a collection is taken for it (default 10s, as a dashboard's; 1s to 30s, so an open page always
/// views again well within the ring's one-minute idle timeout).
/// </summary>
internal sealed record StatusOptions(TimeSpan RefreshInterval)
{
    public static readonly TimeSpan DefaultRefresh = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinRefresh = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRefresh = TimeSpan.FromSeconds(30);

    /// <summary>Reads the section; a bad value is a <see cref="FormatException"/> naming the setting.</summary>
    public static StatusOptions From(IConfiguration section)
    {
        var text = section["RefreshInterval"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new StatusOptions(DefaultRefresh);
        }

        // A Go-style duration (10s, 1500ms) like the flags take, or a TimeSpan (00:00:10) as .NET writes one.
        if ((FlagParser.TryParseDuration(text, out var refresh) || TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out refresh))
            && refresh >= MinRefresh && refresh <= MaxRefresh)
        {
            return new StatusOptions(refresh);
        }

        throw new FormatException("Exporter:Status:RefreshInterval must be a duration from 1s to 30s (e.g. 10s)");
    }
}
