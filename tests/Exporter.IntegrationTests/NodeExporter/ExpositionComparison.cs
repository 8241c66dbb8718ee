using System.Globalization;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.NodeExporter;

/// <summary>
/// Compares our exposition with node_exporter's, family by family, for the families both expose,
/// and describes every difference on its own line; and lists the families node_exporter has for a
/// collector we have too that we do not expose at all.
/// </summary>
internal static class ExpositionComparison
{
    /// <summary>Families that belong to one program, not to the host it describes.</summary>
    private static readonly string[] IgnoredPrefixes = ["go_", "process_", "promhttp_", "node_exporter_build_info"];

    /// <summary>
    /// Values that move slowly or not at all, with the absolute difference allowed between two
    /// scrapes taken at the same moment (a relative one where the value is large).
    /// node_scrape_collector_success is not among them on purpose: node_exporter reports 0 for a
    /// collector that found no data on this machine (no hwmon chips, no schedstat), we report 1.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (double Absolute, double Relative)> Tolerances =
        new Dictionary<string, (double, double)>(StringComparer.Ordinal)
        {
            ["node_boot_time_seconds"] = (1, 0),
            ["node_time_seconds"] = (5, 0),
            ["node_time_zone_offset_seconds"] = (0, 0),
            ["node_memory_MemTotal_bytes"] = (0, 0),
            ["node_memory_SwapTotal_bytes"] = (0, 0),
            ["node_filesystem_size_bytes"] = (0, 0),
            ["node_filesystem_files"] = (0, 0),
            ["node_filesystem_readonly"] = (0, 0),
            ["node_filesystem_device_error"] = (0, 0),
            ["node_uname_info"] = (0, 0),
            ["node_cpu_seconds_total"] = (5, 0),
            ["node_load15"] = (0.5, 0),
            ["node_network_up"] = (0, 0),
            ["node_network_mtu_bytes"] = (0, 0),
            ["node_disk_info"] = (0, 0),
            ["node_netstat_Tcp_ActiveOpens"] = (1000, 0.05),
        };

    /// <summary>The families of a scrape that describe the host: not the program's own, not the scrape's.</summary>
    public static IEnumerable<string> HostFamilies(ParsedExposition scrape) =>
        scrape.ByName.Keys.Where(name => !IgnoredPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            && !name.StartsWith("node_scrape_collector_", StringComparison.Ordinal));

    /// <summary>
    /// Families node_exporter emits for a collector we run too (family → collector) that we do not
    /// emit, except the documented ones; and documented ones we do emit after all (the list is stale).
    /// </summary>
    public static List<string> MissingFamilies(
        IReadOnlyDictionary<string, string> theirsByCollector, ParsedExposition ours, IReadOnlyDictionary<string, string> documented)
    {
        var missing = theirsByCollector
            .Where(f => !ours.ByName.ContainsKey(f.Key) && !documented.ContainsKey(f.Key))
            .Select(f => $"missing here: {f.Key} (node_exporter's {f.Value} collector)");
        var stale = documented.Keys.Where(ours.ByName.ContainsKey)
            .Select(name => $"documented as missing but exposed: {name}");
        return [.. missing.Concat(stale).Order(StringComparer.Ordinal)];
    }

    /// <summary>Names of families both expose, after dropping the program-specific ones.</summary>
    public static IEnumerable<string> CommonFamilies(ParsedExposition ours, ParsedExposition theirs) =>
        ours.ByName.Keys.Intersect(theirs.ByName.Keys, StringComparer.Ordinal)
            .Where(name => !IgnoredPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    /// <summary>Every difference in series, type and (for <see cref="Tolerances"/>) value.</summary>
    public static List<string> Differences(ParsedExposition ours, ParsedExposition theirs, IReadOnlySet<string> commonCollectors)
    {
        var differences = new List<string>();
        foreach (var name in CommonFamilies(ours, theirs))
        {
            var (mine, their) = (ours[name]!, theirs[name]!);
            if (mine.Type != their.Type)
            {
                differences.Add($"{name}: TYPE {mine.Type} here, {their.Type} in node_exporter");
            }

            var a = Series(mine, commonCollectors);
            var b = Series(their, commonCollectors);
            differences.AddRange(b.Keys.Except(a.Keys).Order(StringComparer.Ordinal).Select(k => $"only in node_exporter: {k}"));
            differences.AddRange(a.Keys.Except(b.Keys).Order(StringComparer.Ordinal).Select(k => $"only here: {k}"));

            if (Tolerances.TryGetValue(name, out var tolerance))
            {
                foreach (var key in a.Keys.Intersect(b.Keys).Order(StringComparer.Ordinal))
                {
                    var (x, y) = (a[key], b[key]);
                    var allowed = Math.Max(tolerance.Absolute, tolerance.Relative * Math.Abs(y));
                    if (!(Math.Abs(x - y) <= allowed) && !(double.IsNaN(x) && double.IsNaN(y)))
                    {
                        differences.Add(string.Create(CultureInfo.InvariantCulture, $"value of {key}: {x} here, {y} in node_exporter (allowed difference {allowed})"));
                    }
                }
            }
        }

        return differences;
    }

    // node_scrape_collector_* series are compared only for the collectors both run.
    private static Dictionary<string, double> Series(ParsedFamily family, IReadOnlySet<string> commonCollectors) =>
        family.Samples
            .Where(s => !family.Name.StartsWith("node_scrape_collector_", StringComparison.Ordinal)
                || commonCollectors.Contains(s.Labels.GetValueOrDefault("collector", string.Empty)))
            .ToDictionary(s => s.SeriesKey, s => s.Value, StringComparer.Ordinal);
}
