using Exporter.Core.Exposition;

namespace Exporter.Host.Status;

/// <summary>
/// One collection as the status page keeps it: only the families it reads (by name, see
/// <see cref="StatusMetrics"/>), when it was taken, and why collectors failed. A handful of these is
/// the whole ring, so what is kept stays small whatever else the scrape holds.
/// </summary>
internal sealed class StatusReading
{
    private readonly Dictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);

    /// <param name="families">The families of one collection (the scrape's own).</param>
    /// <param name="collectorErrors">Why each failed collector failed.</param>
    /// <param name="at">Wall-clock time of the collection, for display.</param>
    /// <param name="monotonic">A monotonic time of the collection, for rates: only differences count.</param>
    public StatusReading(IEnumerable<MetricFamily> families, IReadOnlyDictionary<string, string> collectorErrors, DateTimeOffset at, TimeSpan monotonic)
    {
        foreach (var family in families)
        {
            if (StatusMetrics.Read.Contains(family.Descriptor.Name))
            {
                _families[family.Descriptor.Name] = family;
            }
        }

        CollectorErrors = collectorErrors;
        At = at;
        Monotonic = monotonic;
    }

    public DateTimeOffset At { get; }

    public TimeSpan Monotonic { get; }

    public IReadOnlyDictionary<string, string> CollectorErrors { get; }

    public bool Has(string name) => _families.ContainsKey(name);

    /// <summary>The samples of a family (none when it is absent), skipping values that are not finite.</summary>
    public IEnumerable<Row> Rows(string name)
    {
        if (!_families.TryGetValue(name, out var family))
        {
            yield break;
        }

        foreach (var sample in family.Samples)
        {
            if (double.IsFinite(sample.Value))
            {
                yield return new Row(family.Descriptor, sample);
            }
        }
    }

    /// <summary>The value of an unlabelled family (or of its first series), null when absent.</summary>
    public double? Value(string name)
    {
        foreach (var row in Rows(name))
        {
            return row.Value;
        }

        return null;
    }

    /// <summary>Values summed per key; rows whose key is null are left out.</summary>
    public Dictionary<string, double> Sum(string name, Func<Row, string?> key)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in Rows(name))
        {
            if (key(row) is { } k)
            {
                sums[k] = sums.GetValueOrDefault(k) + row.Value;
            }
        }

        return sums;
    }

    /// <summary>One series: its value and its labels by name.</summary>
    public readonly struct Row(MetricDescriptor descriptor, Sample sample)
    {
        public double Value => sample.Value;

        /// <summary>All label values joined, to match a series across families with the same labels.</summary>
        public string Key => string.Join('\u001f', sample.LabelValues);

        public string Label(string name)
        {
            for (var i = 0; i < descriptor.LabelNames.Count && i < sample.LabelValues.Length; i++)
            {
                if (descriptor.LabelNames[i] == name)
                {
                    return sample.LabelValues[i];
                }
            }

            return string.Empty;
        }
    }
}
