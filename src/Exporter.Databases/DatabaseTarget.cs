using System.Globalization;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;

namespace Exporter.Databases;

/// <summary>
/// One configured database: collects its series with its own timeout, so a dead or silent server
/// costs at most that long and only its own series. Failures are logged once per distinct error,
/// with the secret blanked out, and the connection is dropped so the next scrape opens a new one.
/// A database package subclasses it with the client's calls (<see cref="CollectAsync"/>) and how to
/// forget a connection (<see cref="Reset"/>).
/// </summary>
/// <param name="options">The target's settings; its name is the <c>target</c> label.</param>
/// <param name="timeout">How long one scrape of this target may take, connecting included.</param>
/// <param name="logger">Where up/down changes are logged.</param>
/// <param name="timeProvider">The clock the timeout runs on.</param>
public abstract class DatabaseTarget(DatabaseTargetOptions options, TimeSpan timeout, ILogger logger, TimeProvider timeProvider) : IDisposable
{
    // One scrape of a target at a time: a late one still holding the connection is never joined by the next.
    private readonly SemaphoreSlim _busy = new(1, 1);
    private string? _lastError;

    /// <summary>The target's name: the <c>target</c> label of its series.</summary>
    public string Name => options.Name;

    /// <summary>How long one scrape of this target may take.</summary>
    protected TimeSpan Timeout => timeout;

    /// <summary>Collects into a sink of its own; null when the target is down (already logged).</summary>
    internal async Task<MetricSink?> ScrapeAsync(CancellationToken collectorToken)
    {
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(collectorToken, deadline.Token);
        var sink = new MetricSink();
        var work = RunExclusiveAsync(sink, cts.Token);

        // Whether the work ended before the deadline: its error is then the server's own answer,
        // even if the deadline passes before it is looked at; an error after the deadline is the
        // deadline's doing (a driver's cancelled read). Registered first, so it runs first.
        var endedInTime = false;
        _ = work.ContinueWith(_ => endedInTime = !cts.IsCancellationRequested, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            // WaitAsync as well as the token: a driver that ignores cancellation still cannot hold the scrape.
            await work.WaitAsync(cts.Token);
            Succeeded();
            return sink;
        }
        catch (Exception e) when (!collectorToken.IsCancellationRequested)
        {
            _ = work.ContinueWith(t => t.Exception, TaskScheduler.Default);
            // A driver's own timeout (Npgsql's Timeout equals ours) races our token: both mean the
            // same silent server and must read the same, or it would be logged once per wording.
            Failed(!endedInTime || IsTimeout(e)
                ? $"no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s"
                : Describe(e));
            return null;
        }
    }

    /// <summary>Closes the connection (through <see cref="Reset"/>) and releases the target's lock.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Adds this target's series (each labelled with <see cref="Name"/>) to <paramref name="sink"/>.</summary>
    protected abstract Task CollectAsync(MetricSink sink, CancellationToken cancellationToken);

    /// <summary>Forgets the connection after a failure, so the next scrape opens a fresh one.</summary>
    protected abstract void Reset();

    /// <summary>
    /// Releases the connection and the lock; a subclass that holds more overrides it and calls the base.
    /// </summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>, false from a finalizer.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Reset();
            _busy.Dispose();
        }
    }

    private async Task RunExclusiveAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        // Off the caller's thread at once: a client that blocks before its first await (a driver
        // initialising itself) must not hold up the other targets or this target's timeout.
        await Task.Yield();
        await _busy.WaitAsync(cancellationToken);
        try
        {
            await CollectAsync(sink, cancellationToken);
        }
        catch
        {
            Reset();
            throw;
        }
        finally
        {
            _busy.Release();
        }
    }

    private static bool IsTimeout(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            // A cancellation that is not the collector's is a timeout too: a driver's own deadline
            // (MongoDB.Driver's server selection equals ours) ends in OperationCanceledException.
            if (e is TimeoutException or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }

    private string Describe(Exception e)
    {
        var message = e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{e.Message} ({inner.Message})"
            : e.Message;
        string? secret;
        try
        {
            secret = Secret.Resolve(options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            secret = null;
        }

        return Secret.Redact(message, secret);
    }

    private void Failed(string error)
    {
        if (error != _lastError)
        {
            DatabaseLog.TargetDown(logger, options.Kind, Name, error);
        }
        else
        {
            DatabaseLog.TargetStillDown(logger, options.Kind, Name, error);
        }

        _lastError = error;
    }

    private void Succeeded()
    {
        if (_lastError is not null)
        {
            DatabaseLog.TargetUp(logger, options.Kind, Name);
        }

        _lastError = null;
    }
}
