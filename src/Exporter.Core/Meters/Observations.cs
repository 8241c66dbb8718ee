namespace Exporter.Core.Meters;

/// <summary>
/// Numbers the passes over the observable instruments' callbacks. A series an observable instrument
/// stopped reporting (a connection pool that was closed) is not written after the next pass.
/// </summary>
internal sealed class Observations
{
    private int _current;
    private int _lastCompleted = -1;

    /// <summary>The pass under way (or the last one).</summary>
    public int Current => Volatile.Read(ref _current);

    /// <summary>The last pass that finished.</summary>
    public int LastCompleted => Volatile.Read(ref _lastCompleted);

    public void Begin() => Interlocked.Increment(ref _current);

    public void Complete() => Volatile.Write(ref _lastCompleted, Current);
}
