using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Windows;

/// <summary>
/// node_memory_* on Windows from GlobalMemoryStatusEx and the page file list
/// (NtQuerySystemInformation(SystemPageFileInformation)), under the /proc/meminfo names that mean the
/// same (<see cref="WindowsMemory"/>).
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsMemoryCollector : ICollector
{
    public string Name => "meminfo";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var status = new MemoryStatusEx { Length = (uint)Unsafe.SizeOf<MemoryStatusEx>() };
        if (!WindowsNative.GlobalMemoryStatusEx(ref status))
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "GlobalMemoryStatusEx failed");
        }

        foreach (var (field, bytes) in WindowsMemory.Fields(status, ReadPageFiles(), Environment.SystemPageSize))
        {
            sink.Add(field, bytes);
        }

        return Task.CompletedTask;
    }

    // Null when the system does not answer (the caller then estimates from the commit figures).
    private static unsafe PageFileTotals? ReadPageFiles()
    {
        for (var size = 4096; size <= 1 << 20; size *= 4)
        {
            var buffer = new byte[size];
            int status;
            uint returned;
            fixed (byte* first = buffer)
            {
                status = WindowsNative.NtQuerySystemInformation(WindowsNative.SystemPageFileInformation, first, (uint)size, out returned);
            }

            if (status == 0)
            {
                return WindowsMemory.SumPageFiles(buffer.AsSpan(0, (int)Math.Min(returned, (uint)size)));
            }

            if (status != WindowsNative.StatusInfoLengthMismatch)
            {
                return null;
            }
        }

        return null;
    }
}
