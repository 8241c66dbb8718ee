namespace Exporter.Core.Portable;

/// <summary>
/// Widens 32-bit counters that wrap around (Windows' disk read and write counts, macOS' CPU ticks)
/// into 64-bit totals, one per key, so Prometheus never sees a false reset. A key's first value is
/// taken as it is; each later one adds what the counter advanced since, modulo 2^32.
/// </summary>
internal sealed class WrappingCounter<TKey>
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, (uint Raw, ulong Total)> _last = [];

    public ulong Widen(TKey key, uint raw)
    {
        lock (_lock)
        {
            var total = _last.TryGetValue(key, out var last) ? last.Total + unchecked(raw - last.Raw) : raw;
            _last[key] = (raw, total);
            return total;
        }
    }
}
