namespace Exporter.Core.Portable;

/// <summary>
/// Holds counters the system derives by subtraction (Windows' system CPU time is kernel time less
/// idle, interrupt and DPC time) at their highest value so far, one per key, as node_exporter does
/// for /proc/stat: a derived value that dips by a tick never looks like a counter reset.
/// </summary>
internal sealed class MonotonicCounter<TKey>
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, double> _highest = [];

    public double Max(TKey key, double value)
    {
        lock (_lock)
        {
            if (_highest.TryGetValue(key, out var highest) && highest > value)
            {
                return highest;
            }

            _highest[key] = value;
            return value;
        }
    }
}
