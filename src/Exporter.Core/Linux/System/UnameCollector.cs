using System.Runtime.InteropServices;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_uname_info from the uname(2) system call (node_exporter's "uname" collector).</summary>
internal sealed partial class UnameCollector : IInlineCollector
{
    private static readonly MetricDescriptor Info = new(
        "node_uname_info",
        "Labeled system information as provided by the uname system call.",
        MetricType.Gauge,
        "domainname",
        "machine",
        "nodename",
        "release",
        "sysname",
        "version");

    public string Name => "uname";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var uname = Read();
        sink.Add(Info, 1, uname.DomainName, uname.Machine, uname.NodeName, uname.Release, uname.SysName, uname.Version);
        return Task.CompletedTask;
    }

    /// <summary>Calls uname(2). It reports the kernel this process runs on, whatever --path.procfs says.</summary>
    internal static UnameInfo Read()
    {
        var buffer = new byte[UnameParser.StructSize];
        if (Uname(buffer) != 0)
        {
            throw new InvalidOperationException($"uname: system call failed (errno {Marshal.GetLastPInvokeError()})");
        }

        return UnameParser.Parse(buffer);
    }

    [LibraryImport("libc", EntryPoint = "uname", SetLastError = true)]
    private static partial int Uname([Out] byte[] utsname);
}
