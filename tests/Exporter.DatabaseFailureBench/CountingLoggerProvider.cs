using Microsoft.Extensions.Logging;

namespace Exporter.DatabaseFailureBench;

/// <summary>Counts warnings and worse (a target going down is one) and keeps the first few, writes nothing.</summary>
internal sealed class CountingLoggerProvider : ILoggerProvider, ILogger
{
    private readonly List<string> _first = [];
    private int _warnings;

    public int Warnings => _warnings;

    public IReadOnlyList<string> First
    {
        get
        {
            lock (_first)
            {
                return [.. _first];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Interlocked.Increment(ref _warnings);
            lock (_first)
            {
                if (_first.Count < 3)
                {
                    _first.Add(formatter(state, exception));
                }
            }
        }
    }

    public void Dispose()
    {
    }
}
