namespace Exporter.Core.Processes;

/// <summary>What one process looks like at one collection. Counters are cumulative since it started.</summary>
/// <param name="Pid">Process id.</param>
/// <param name="StartTicks">Start time after boot: with the pid, identifies the process across collections.</param>
/// <param name="Group">The group it belongs to (its command name).</param>
/// <param name="State">The proc(5) state letter.</param>
/// <param name="UserSeconds">CPU seconds in user mode.</param>
/// <param name="SystemSeconds">CPU seconds in kernel mode.</param>
/// <param name="ResidentBytes">Resident set size.</param>
/// <param name="VirtualBytes">Virtual memory size.</param>
/// <param name="SwappedBytes">Swapped-out memory (VmSwap).</param>
/// <param name="Threads">Threads.</param>
/// <param name="OpenFds">Open file descriptors; 0 when not readable.</param>
/// <param name="ReadBytes">Bytes read from storage; 0 when not readable.</param>
/// <param name="WriteBytes">Bytes written to storage; 0 when not readable.</param>
internal sealed record ProcessSample(
    int Pid,
    ulong StartTicks,
    string Group,
    char State,
    double UserSeconds,
    double SystemSeconds,
    double ResidentBytes,
    double VirtualBytes,
    double SwappedBytes,
    double Threads,
    double OpenFds,
    double ReadBytes,
    double WriteBytes);
