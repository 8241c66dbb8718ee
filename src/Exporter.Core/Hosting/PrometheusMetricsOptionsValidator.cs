using Exporter.Core.Collection;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Hosting;

/// <summary>Bad settings fail at start-up with a clear message, not at the first scrape.</summary>
internal sealed class PrometheusMetricsOptionsValidator(IEnumerable<CollectorRegistration> registrations)
    : IValidateOptions<PrometheusMetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, PrometheusMetricsOptions options)
    {
        var errors = new List<string>();
        var known = registrations.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var collector in options.Collectors.Keys.Where(c => !known.Contains(c)))
        {
            errors.Add($"unknown collector '{collector}' (known: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
        }

        if (options.CollectorTimeout <= TimeSpan.Zero)
        {
            errors.Add($"collector timeout must be positive, got {options.CollectorTimeout}");
        }

        foreach (var (flag, path) in new[] { ("procfs", options.Path.Procfs), ("sysfs", options.Path.Sysfs), ("rootfs", options.Path.Rootfs) })
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                errors.Add($"path.{flag} must not be empty");
            }
        }

        var meters = options.Meters;
        if (meters.MaxSeriesPerInstrument < 1)
        {
            errors.Add($"Meters:MaxSeriesPerInstrument must be at least 1, got {meters.MaxSeriesPerInstrument}");
        }

        foreach (var (instrument, buckets) in meters.HistogramBuckets.Append(new("default", meters.DefaultHistogramBuckets ?? [])))
        {
            if (buckets.Any(b => !double.IsFinite(b)))
            {
                errors.Add($"histogram buckets for {instrument} must be finite numbers");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
