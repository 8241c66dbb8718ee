using System.Globalization;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// A procfs tree whose /proc/stat the test drives: one CPU that is busy for the share of time the
/// test sets. Counters are in USER_HZ (100 per second), as the kernel writes them (proc(5)).
/// </summary>
internal sealed class FakeProcStat : IDisposable
{
    private readonly string _file;
    private readonly Timer _timer;
    private readonly object _lock = new();
    private DateTime _last = DateTime.UtcNow;
    private double _busy, _user, _idle;

    public FakeProcStat(string procDirectory)
    {
        Directory.CreateDirectory(procDirectory);
        _file = Path.Join(procDirectory, "stat");
        Tick(null);
        _timer = new Timer(Tick, null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200));
    }

    /// <summary>The share of time (0 to 1) the CPU spends in user mode from now on.</summary>
    public double Busy
    {
        set
        {
            lock (_lock)
            {
                Tick(null);
                _busy = value;
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Tick(object? state)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var ticks = (now - _last).TotalSeconds * 100;
            _last = now;
            _user += ticks * _busy;
            _idle += ticks * (1 - _busy);

            var cpu = string.Create(CultureInfo.InvariantCulture, $"{(long)_user} 0 0 {(long)_idle} 0 0 0 0 0 0");
            var text = $"cpu  {cpu}\ncpu0 {cpu}\nintr 0\nctxt 0\nbtime 1700000000\nprocesses 1\nprocs_running 1\nprocs_blocked 0\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n";

            // Written whole and renamed, so a scrape never reads half a file.
            File.WriteAllText(_file + ".tmp", text);
            File.Move(_file + ".tmp", _file, overwrite: true);
        }
    }
}
