using System.Runtime.InteropServices;

namespace Exporter.Core.Linux;

/// <summary>adjtimex(2) with modes = 0: reads the kernel clock discipline state without changing it (needs no privilege).</summary>
internal static class TimexNative
{
    private const int EPERM = 1;

    /// <summary>
    /// The clock state and the timex fields; null when a sandbox (seccomp) forbids the call, which
    /// is no data rather than an error, as in node_exporter. Throws on any other failure.
    /// </summary>
    public static (int State, TimexData Data)? Read()
    {
        var buffer = default(Timex);
        var state = adjtimex(ref buffer);
        if (state < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == EPERM ? null : throw new IOException($"adjtimex failed: errno {errno}");
        }

        return (state, new TimexData(
            buffer.Offset, buffer.Freq, buffer.MaxError, buffer.EstError, buffer.Status, buffer.Constant, buffer.Tick,
            buffer.PpsFreq, buffer.Jitter, buffer.Shift, buffer.Stabil, buffer.JitCnt, buffer.CalCnt, buffer.ErrCnt, buffer.StbCnt, buffer.Tai));
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int adjtimex(ref Timex buffer);

    /// <summary>
    /// struct timex from &lt;sys/timex.h&gt;: C "long" is pointer-sized on Linux (LP64 / ILP32), hence
    /// nint (widened to long implicitly for <see cref="TimexData"/>); the kernel's struct ends with
    /// eleven reserved ints, included in the size.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct Timex
    {
        public uint Modes;
        public nint Offset;
        public nint Freq;
        public nint MaxError;
        public nint EstError;
        public int Status;
        public nint Constant;
        public nint Precision;
        public nint Tolerance;
        public nint TimeSeconds;
        public nint TimeMicroseconds;
        public nint Tick;
        public nint PpsFreq;
        public nint Jitter;
        public int Shift;
        public nint Stabil;
        public nint JitCnt;
        public nint CalCnt;
        public nint ErrCnt;
        public nint StbCnt;
        public int Tai;
    }
}
