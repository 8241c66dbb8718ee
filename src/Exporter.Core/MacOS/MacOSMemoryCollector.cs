using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.MacOS;

/// <summary>
/// node_memory_* on macOS from host_statistics64(HOST_VM_INFO64), host_page_size and the sysctls
/// hw.memsize and vm.swapusage, as node_exporter's darwin meminfo collector reads them, under the
/// names <see cref="MacOSMemory"/> gives.
/// </summary>
[SupportedOSPlatform("macos")]
internal sealed class MacOSMemoryCollector : ICollector
{
    public string Name => "meminfo";

    public unsafe Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var vm = default(VmStatistics64);
        var count = (uint)(Unsafe.SizeOf<VmStatistics64>() / sizeof(int));
        var result = MacOSNative.host_statistics64(MacOSNative.HostSelf, MacOSNative.HostVmInfo64, &vm, ref count);
        if (result != 0)
        {
            throw new IOException($"host_statistics64(HOST_VM_INFO64) failed: kern_return_t {result}");
        }

        result = MacOSNative.host_page_size(MacOSNative.HostSelf, out var pageSize);
        if (result != 0)
        {
            throw new IOException($"host_page_size failed: kern_return_t {result}");
        }

        var memSize = Sysctl<ulong>("hw.memsize");
        var swap = Sysctl<SwapUsage>("vm.swapusage");
        foreach (var (field, bytes) in MacOSMemory.Fields(vm, pageSize, memSize, swap))
        {
            sink.Add(field, bytes);
        }

        return Task.CompletedTask;
    }

    private static unsafe T Sysctl<T>(string name)
        where T : unmanaged
    {
        var value = default(T);
        var length = (nuint)sizeof(T);
        if (MacOSNative.sysctlbyname(name, &value, ref length, null, 0) != 0)
        {
            throw new IOException($"sysctl {name} failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return length == (nuint)sizeof(T) ? value : throw new IOException($"sysctl {name}: {length} bytes, expected {sizeof(T)}");
    }
}
