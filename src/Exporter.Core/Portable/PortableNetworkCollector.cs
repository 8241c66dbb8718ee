using System.Net.NetworkInformation;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Portable;

/// <summary>node_network_*_total per interface from NetworkInterface statistics, and node_network_up.</summary>
internal sealed class PortableNetworkCollector : ICollector
{
    private static readonly MetricDescriptor ReceiveBytes = Counter("receive_bytes", "Network device statistic receive_bytes.");
    private static readonly MetricDescriptor TransmitBytes = Counter("transmit_bytes", "Network device statistic transmit_bytes.");
    private static readonly MetricDescriptor ReceivePackets = Counter("receive_packets", "Network device statistic receive_packets.");
    private static readonly MetricDescriptor TransmitPackets = Counter("transmit_packets", "Network device statistic transmit_packets.");
    private static readonly MetricDescriptor ReceiveErrs = Counter("receive_errs", "Network device statistic receive_errs.");
    private static readonly MetricDescriptor TransmitErrs = Counter("transmit_errs", "Network device statistic transmit_errs.");
    private static readonly MetricDescriptor ReceiveDrop = Counter("receive_drop", "Network device statistic receive_drop.");
    private static readonly MetricDescriptor TransmitDrop = Counter("transmit_drop", "Network device statistic transmit_drop.");

    private static readonly MetricDescriptor Up = new(
        "node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.", MetricType.Gauge, "device");

    public string Name => "portable_netdev";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            var device = nic.Name;
            sink.Add(Up, nic.OperationalStatus == OperationalStatus.Up ? 1 : 0, device);
            IPInterfaceStatistics stats;
            try
            {
                stats = nic.GetIPStatistics();
            }
            catch (Exception e) when (e is NetworkInformationException or PlatformNotSupportedException)
            {
                continue;
            }

            sink.Add(ReceiveBytes, stats.BytesReceived, device);
            sink.Add(TransmitBytes, stats.BytesSent, device);
            sink.Add(ReceivePackets, stats.UnicastPacketsReceived + stats.NonUnicastPacketsReceived, device);
            sink.Add(TransmitPackets, PacketsSent(stats), device);
            sink.Add(ReceiveErrs, stats.IncomingPacketsWithErrors, device);
            sink.Add(TransmitErrs, stats.OutgoingPacketsWithErrors, device);
            sink.Add(ReceiveDrop, stats.IncomingPacketsDiscarded, device);
            if (!OperatingSystem.IsMacOS())
            {
                sink.Add(TransmitDrop, stats.OutgoingPacketsDiscarded, device);
            }
        }

        return Task.CompletedTask;
    }

    // On Linux .NET reads /proc/net/dev, whose one packet count it reports as unicast.
    private static long PacketsSent(IPInterfaceStatistics stats) =>
        OperatingSystem.IsLinux() ? stats.UnicastPacketsSent : stats.UnicastPacketsSent + stats.NonUnicastPacketsSent;

    private static MetricDescriptor Counter(string stat, string help) =>
        new($"node_network_{stat}_total", help, MetricType.Counter, "device");
}
