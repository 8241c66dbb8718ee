using Exporter.Core.Exposition;
using Exporter.Host.Status;

namespace Exporter.Core.Tests.Host.Status;

/// <summary>Metric families as a collection holds them, built by hand, and readings of them.</summary>
internal static class Families
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static MetricFamily Gauge(string name, double value) => Of(name, MetricType.Gauge, [], ([], value));

    public static MetricFamily Of(string name, MetricType type, string[] labels, params (string[] Labels, double Value)[] samples)
    {
        var family = new MetricFamily(new MetricDescriptor(name, name, type, labels));
        family.Samples.AddRange(samples.Select(s => new Sample(s.Labels, s.Value)));
        return family;
    }

    /// <summary>A reading taken <paramref name="seconds"/> after <see cref="Start"/>.</summary>
    public static StatusReading At(double seconds, params MetricFamily[] families) => At(seconds, new Dictionary<string, string>(), families);

    public static StatusReading At(double seconds, Dictionary<string, string> errors, params MetricFamily[] families) =>
        new(families, errors, Start.AddSeconds(seconds), TimeSpan.FromSeconds(seconds));

    /// <summary>node_cpu_seconds_total for cores given as (cpu, idle, user).</summary>
    public static MetricFamily Cpu(params (string Cpu, double Idle, double User)[] cores) =>
        Of("node_cpu_seconds_total", MetricType.Counter, ["cpu", "mode"],
            [.. cores.SelectMany(c => new (string[], double)[] { ([c.Cpu, "idle"], c.Idle), ([c.Cpu, "user"], c.User), ([c.Cpu, "iowait"], 1) })]);

    /// <summary>node_scrape_collector_success with the given collectors all succeeding.</summary>
    public static MetricFamily Collectors(params string[] names) =>
        Of("node_scrape_collector_success", MetricType.Gauge, ["collector"], [.. names.Select(n => (new[] { n }, 1.0))]);
}
