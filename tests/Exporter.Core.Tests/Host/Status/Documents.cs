using Exporter.Host.Status;

namespace Exporter.Core.Tests.Host.Status;

/// <summary>Status documents for the renderer's tests.</summary>
internal static class Documents
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static StatusDocument Empty() => new(
        1, At, 10,
        new HostStatus(null, null, new CpuStatus(0, null, null, []), null, null, null, [], [], []),
        null, [], [], StatusHistory.Empty(900));

    public static StatusDocument Typical() => new(
        1, At, 10,
        new HostStatus("web-1", 90061, new CpuStatus(4, 42.5, 1.25, [new("0", 40), new("1", 45), new("2", 42), new("3", 43)]),
            new LoadStatus(1.5, 1.25, 1), new UsageStatus(17179869184, 4294967296, 25), new UsageStatus(0, 0, null),
            [new FilesystemStatus("/", "/dev/vda", "ext4", 270553174016, 18639937536, 80460705792, 18.81, false, false)],
            [new DiskStatus("vda", 0, 4096)], [new NetworkStatus("eth0", 1000, 2000), new NetworkStatus("lo", 5, 5)]),
        new ContainersStatus(true, [new ContainerStatus("web", "nginx:1", "aaaaaaaaaaaa", "running", "healthy", 3600, 12.5, 16 << 20, 64 << 20, 25, 0)]),
        [new DatabaseStatus("redis", "cache", true, 4, 10000, 1e6, null, 7, null, null, []), new DatabaseStatus("postgres", "main", false, null, null, null, null, null, null, null, [])],
        [new CollectorStatus("cpu", true, 0.01, null), new CollectorStatus("docker", false, 5, "timed out after 5s"), new CollectorStatus("meminfo", true, 0.01, null)],
        new StatusHistory(900, [1_800_000_000, 1_800_000_010], [42.7, 42.5], [1.5, 1.5], [25, 25], [null, null], [4096, 4096], [3000, 3000]));

    /// <summary>Every text field set to <paramref name="text"/>.</summary>
    public static StatusDocument Hostile(string text) => new(
        1, At, 10,
        new HostStatus(text, 1, new CpuStatus(1, 1, 0, [new(text, 1)]), null, null, null,
            [new FilesystemStatus(text, text, text, 1, 1, 1, 1, true, false)], [new DiskStatus(text, 1, 1)], [new NetworkStatus(text, 1, 1)]),
        new ContainersStatus(true, [new ContainerStatus(text, text, text, text, text, 1, 1, 1, 2, 50, 0)]),
        [new DatabaseStatus("postgres", text, true, 1, 2, null, null, null, null, 1, [new DatabaseSize(text, 1)]), new DatabaseStatus(text, text, true, 1, 2, null, null, null, null, 1, [])],
        [new CollectorStatus(text, false, 1, text)],
        StatusHistory.Empty(900));
}
