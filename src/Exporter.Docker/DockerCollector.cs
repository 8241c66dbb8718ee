using System.Globalization;
using System.Net;
using Docker.DotNet.Models;
using Exporter.Core;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.Core.Linux;
using Microsoft.Extensions.Logging;

namespace Exporter.Docker;

/// <summary>
/// Containers of a Docker engine, over its API: cAdvisor's container_* metrics from the one-shot
/// stats call, plus state, restarts, health and exit code from inspect. An engine that is absent,
/// forbidden or slow is docker_up 0 (logged once), not a failed collector: the rest of the scrape,
/// and this collector's success, stay. Nothing is kept between scrapes but the negotiated API
/// version, so a removed container is gone from the next scrape.
/// </summary>
internal sealed class DockerCollector : ICollector, IDisposable
{
    private readonly DockerEngineClient? _client;
    private readonly string? _configError;
    private readonly DockerDescriptors _metrics;
    private readonly IReadOnlyList<string> _labelKeys;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _limiter;
    private readonly int _maxParallel;
    private readonly HostPaths _paths;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _warmUp;
    private string? _lastError = string.Empty;
    private string? _lastContainerError;

    public DockerCollector(DockerOptions options, TimeSpan collectorTimeout, HostPaths paths, ILogger logger, TimeProvider? timeProvider = null)
    {
        _paths = paths;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _labelKeys = options.LabelKeys;
        _metrics = new DockerDescriptors(_labelKeys);
        _maxParallel = options.MaxParallel;
        _limiter = new SemaphoreSlim(options.MaxParallel);

        // Finish a little before the scraper's own timeout, so a slow engine is reported as
        // docker_up 0 / missing stats instead of the whole collector timing out.
        _timeout = TimeSpan.FromTicks(Math.Min(options.Timeout.Ticks, (long)(collectorTimeout.Ticks * 0.8)));
        try
        {
            _client = new DockerEngineClient(options.Endpoint(), _timeout, options.CertPath(), _time);
        }
        catch (FormatException e)
        {
            // Only an unusable DOCKER_HOST gets here (a configured host is validated at start-up).
            _configError = e.Message;
        }

        _warmUp = WarmUpAsync(_stopping.Token);
    }

    public string Name => "docker";

    /// <summary>Inspect/stats calls under way (tests wait for the fast ones to finish).</summary>
    internal int CallsInFlight => _maxParallel - _limiter.CurrentCount;

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(_timeout, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);

        IList<ContainerListResponse> containers;
        try
        {
            containers = _client is null
                ? throw new InvalidOperationException(_configError ?? "docker: no client")
                : await _client.ListContainersAsync(deadline.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _client?.Renegotiate();
            ReportDown(e is OperationCanceledException ? $"docker: no answer within {Seconds(_timeout)}s" : e.Message);
            sink.Add(DockerDescriptors.Up, 0);
            return;
        }

        ReportUp();
        var details = await Task.WhenAll(containers.Select(c => DetailsAsync(_client!, c, deadline.Token)));
        cancellationToken.ThrowIfCancellationRequested();

        sink.Add(DockerDescriptors.Up, 1);
        var counts = DockerDescriptors.States.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        foreach (var detail in details.Where(d => !d.Gone).OrderBy(d => ContainerName(d.Summary), StringComparer.Ordinal))
        {
            var state = detail.Summary.State ?? "unknown";
            counts[state] = counts.GetValueOrDefault(state) + 1;
            Emit(sink, detail, state);
        }

        foreach (var (state, count) in counts)
        {
            sink.Add(DockerDescriptors.Containers, count, state);
        }

        ReportContainerErrors(details);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _warmUp.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        _client?.Dispose();
        _limiter.Dispose();
        _stopping.Dispose();
    }

    /// <summary>
    /// Asks the engine for its version, containers and one container's details once, in the
    /// background, when the collector is created: the first scrape then finds the client's code
    /// compiled and the version negotiated. On a JIT host without tiered compilation that first use
    /// costs seconds of CPU (measured in docs/docker.md), which would otherwise come out of the first
    /// scrape's budget. Failures are left to the scrapes to report.
    /// </summary>
    private async Task WarmUpAsync(CancellationToken stopping)
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            await Task.Yield();
            var containers = await _client.ListContainersAsync(stopping);
            if (containers.Count > 0)
            {
                await _client.InspectAsync(containers[0].ID, stopping);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Reported by the scrapes, once, if it lasts.
        }
    }

    private async Task<ContainerDetails> DetailsAsync(DockerEngineClient client, ContainerListResponse summary, CancellationToken ct)
    {
        ContainerInspectResponse? inspect = null;
        try
        {
            await _limiter.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return new ContainerDetails(summary, null, null, Gone: false, $"docker: no time left within {Seconds(_timeout)}s");
        }

        try
        {
            inspect = await client.InspectAsync(summary.ID, ct);

            // Only a container with processes has stats worth the engine's second of sampling.
            var stats = summary.State is "running" or "paused" ? await client.StatsAsync(summary.ID, ct) : null;
            return new ContainerDetails(summary, inspect, stats, Gone: false, null);
        }
        catch (DockerCallException e) when (e.Status == HttpStatusCode.NotFound)
        {
            // Removed between the list and this call.
            return new ContainerDetails(summary, null, null, Gone: true, null);
        }
        catch (Exception e)
        {
            var error = e is OperationCanceledException ? $"docker: no answer within {Seconds(_timeout)}s" : e.Message;
            return new ContainerDetails(summary, inspect, null, Gone: false, error);
        }
        finally
        {
            _limiter.Release();
        }
    }

    private void Emit(MetricSink sink, ContainerDetails detail, string state)
    {
        var summary = detail.Summary;
        string[] labels = [ContainerName(summary), summary.Image ?? string.Empty, summary.ID, .. _labelKeys.Select(k => summary.Labels?.TryGetValue(k, out var v) == true ? v : string.Empty)];

        sink.Add(_metrics.State, 1, [.. labels, state]);

        if (detail.Inspect is { } inspect)
        {
            sink.Add(_metrics.RestartCount, inspect.RestartCount, labels);
            sink.Add(_metrics.ExitCode, inspect.State?.ExitCode ?? 0, labels);
            sink.Add(_metrics.MemoryLimit, inspect.HostConfig?.Memory ?? 0, labels);
            if (StartedAt(inspect.State?.StartedAt) is { Year: > 1 } started)
            {
                sink.Add(_metrics.StartTime, started.ToUnixTimeMilliseconds() / 1000.0, labels);
            }

            if (inspect.State?.Health?.Status is { Length: > 0 } health)
            {
                sink.Add(_metrics.Health, 1, [.. labels, health]);
            }
        }

        if (detail.Stats is { } stats)
        {
            EmitStats(sink, stats, labels);
        }
    }

    private void EmitStats(MetricSink sink, ContainerStatsResponse stats, string[] labels)
    {
        const double NanosecondsPerSecond = 1e9;
        if (stats.CPUStats?.CPUUsage is { } cpu)
        {
            sink.Add(_metrics.CpuUsage, cpu.TotalUsage / NanosecondsPerSecond, [.. labels, "total"]);
            sink.Add(_metrics.CpuUser, cpu.UsageInUsermode / NanosecondsPerSecond, labels);
            sink.Add(_metrics.CpuSystem, cpu.UsageInKernelmode / NanosecondsPerSecond, labels);
        }

        if (stats.CPUStats?.ThrottlingData is { } throttling)
        {
            sink.Add(_metrics.CfsPeriods, throttling.Periods, labels);
            sink.Add(_metrics.CfsThrottledPeriods, throttling.ThrottledPeriods, labels);
            sink.Add(_metrics.CfsThrottledSeconds, throttling.ThrottledTime / NanosecondsPerSecond, labels);
        }

        if (stats.MemoryStats is { Usage: not null } memoryStats)
        {
            var memory = ContainerMemory.From(memoryStats);
            sink.Add(_metrics.MemoryUsage, memory.Usage, labels);
            sink.Add(_metrics.MemoryWorkingSet, memory.WorkingSet, labels);
            if (memory.Rss is { } rss)
            {
                sink.Add(_metrics.MemoryRss, rss, labels);
            }

            if (memory.Cache is { } cache)
            {
                sink.Add(_metrics.MemoryCache, cache, labels);
            }
        }

        if (stats.PidsStats?.Current is { } pids)
        {
            sink.Add(_metrics.Processes, pids, labels);
        }

        foreach (var io in BlkioTotals.From(stats.BlkioStats))
        {
            var device = DeviceName(io.Device);
            sink.Add(_metrics.FsReads, io.ReadBytes, [.. labels, device]);
            sink.Add(_metrics.FsWrites, io.WriteBytes, [.. labels, device]);
        }

        foreach (var (name, net) in (stats.Networks ?? new Dictionary<string, NetworkStats>()).OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            double[] values = [net.RxBytes, net.RxPackets, net.RxErrors, net.RxDropped, net.TxBytes, net.TxPackets, net.TxErrors, net.TxDropped];
            for (var i = 0; i < values.Length; i++)
            {
                sink.Add(_metrics.Network[i], values[i], [.. labels, name]);
            }
        }
    }

    // The engine's name without its leading '/', as cAdvisor's name label; the short id if none.
    private static string ContainerName(ContainerListResponse summary) =>
        summary.Names is { Count: > 0 } names ? names[0].TrimStart('/') : summary.ID[..Math.Min(12, summary.ID.Length)];

    // cAdvisor labels devices by their /dev name; the uevent file of /sys/dev/block/MAJ:MIN has it.
    private string DeviceName(string majorMinor)
    {
        var uevent = ProcFile.TryRead(_paths.Sys("dev", "block", majorMinor, "uevent"));
        var line = uevent?.Split('\n').FirstOrDefault(l => l.StartsWith("DEVNAME=", StringComparison.Ordinal));
        return line is null ? majorMinor : "/dev/" + line["DEVNAME=".Length..].Trim();
    }

    private void ReportDown(string error)
    {
        if (error != _lastError)
        {
            DockerLog.Down(_logger, error);
        }
        else
        {
            DockerLog.StillDown(_logger, error);
        }

        _lastError = error;
    }

    private void ReportUp()
    {
        if (_lastError is not null)
        {
            DockerLog.Up(_logger, _client!.Describe, _client.ApiVersion);
        }

        _lastError = null;
    }

    private void ReportContainerErrors(ContainerDetails[] details)
    {
        var failed = details.Where(d => d.Error is not null).ToList();
        var error = failed.FirstOrDefault()?.Error;
        if (error is not null && error != _lastContainerError)
        {
            DockerLog.ContainerCallsFailed(_logger, failed.Count, error);
        }
        else if (error is not null)
        {
            DockerLog.ContainerCallsFailedAgain(_logger, failed.Count, error);
        }

        _lastContainerError = error;
    }

    /// <summary>
    /// State.StartedAt as the engine writes it (RFC 3339 with nanoseconds; "0001-01-01T00:00:00Z" for a
    /// container never started). .NET reads at most 7 fraction digits, so the rest is cut first.
    /// </summary>
    internal static DateTimeOffset? StartedAt(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            text = text[..Math.Min(end, dot + 8)] + text[end..];
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record ContainerDetails(ContainerListResponse Summary, ContainerInspectResponse? Inspect, ContainerStatsResponse? Stats, bool Gone, string? Error);
}
