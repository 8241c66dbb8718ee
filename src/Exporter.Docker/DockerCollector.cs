using System.Net;
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
public sealed class DockerCollector : ICollector, IDisposable
{
    private readonly DockerClient? _client;
    private readonly string? _configError;
    private readonly DockerDescriptors _metrics;
    private readonly IReadOnlyList<string> _labelKeys;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _limiter;
    private readonly int _maxParallel;
    private readonly HostPaths _paths;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
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
            _client = new DockerClient(options.Endpoint(), _timeout, options.CertPath(), _time);
        }
        catch (FormatException e)
        {
            // Only an unusable DOCKER_HOST gets here (a configured host is validated at start-up).
            _configError = e.Message;
        }
    }

    public string Name => "docker";

    /// <summary>Inspect/stats calls under way (tests wait for the fast ones to finish).</summary>
    internal int CallsInFlight => _maxParallel - _limiter.CurrentCount;

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(_timeout, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);

        IReadOnlyList<ContainerSummary> containers;
        try
        {
            containers = _client is null
                ? throw new DockerApiException(_configError ?? "docker: no client")
                : await _client.ListContainersAsync(deadline.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _client?.Renegotiate();
            ReportDown(e is OperationCanceledException ? $"docker: no answer within {_timeout.TotalSeconds:0.###}s" : e.Message);
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
        _client?.Dispose();
        _limiter.Dispose();
    }

    private async Task<ContainerDetails> DetailsAsync(DockerClient client, ContainerSummary summary, CancellationToken ct)
    {
        ContainerInspect? inspect = null;
        try
        {
            await _limiter.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return new ContainerDetails(summary, null, null, Gone: false, $"docker: no time left within {_timeout.TotalSeconds:0.###}s");
        }

        try
        {
            inspect = await client.InspectAsync(summary.Id, ct);

            // Only a container with processes has stats worth the engine's second of sampling.
            var stats = summary.State is "running" or "paused" ? await client.StatsAsync(summary.Id, ct) : null;
            return new ContainerDetails(summary, inspect, stats, Gone: false, null);
        }
        catch (DockerApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            // Removed between the list and this call.
            return new ContainerDetails(summary, null, null, Gone: true, null);
        }
        catch (Exception e)
        {
            var error = e is OperationCanceledException ? $"docker: no answer within {_timeout.TotalSeconds:0.###}s" : e.Message;
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
        string[] labels = [ContainerName(summary), summary.Image ?? string.Empty, summary.Id, .. _labelKeys.Select(k => summary.Labels?.GetValueOrDefault(k) ?? string.Empty)];

        sink.Add(_metrics.State, 1, [.. labels, state]);

        if (detail.Inspect is { } inspect)
        {
            sink.Add(_metrics.RestartCount, inspect.RestartCount, labels);
            sink.Add(_metrics.ExitCode, inspect.State?.ExitCode ?? 0, labels);
            sink.Add(_metrics.MemoryLimit, inspect.HostConfig?.Memory ?? 0, labels);
            if (inspect.State?.StartedAt is { Year: > 1 } started)
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

    private void EmitStats(MetricSink sink, ContainerStats stats, string[] labels)
    {
        const double NanosecondsPerSecond = 1e9;
        if (stats.CpuStats?.CpuUsage is { } cpu)
        {
            sink.Add(_metrics.CpuUsage, cpu.TotalUsage / NanosecondsPerSecond, [.. labels, "total"]);
            sink.Add(_metrics.CpuUser, cpu.UsageInUsermode / NanosecondsPerSecond, labels);
            sink.Add(_metrics.CpuSystem, cpu.UsageInKernelmode / NanosecondsPerSecond, labels);
        }

        if (stats.CpuStats?.ThrottlingData is { } throttling)
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
    private static string ContainerName(ContainerSummary summary) =>
        summary.Names is [var first, ..] ? first.TrimStart('/') : summary.Id[..Math.Min(12, summary.Id.Length)];

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
            DockerLog.Up(_logger, _client!.Endpoint.SocketPath ?? _client.Endpoint.BaseAddress.ToString(), _client.ApiVersion);
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

    private sealed record ContainerDetails(ContainerSummary Summary, ContainerInspect? Inspect, ContainerStats? Stats, bool Gone, string? Error);
}
