namespace Exporter.Core.Linux;

/// <summary>The fields of /proc/[pid]/stat (and /proc/[pid]/task/[tid]/stat) the exporter uses.</summary>
/// <param name="Comm">The command name, without the parentheses (may contain spaces and ')').</param>
/// <param name="State">One letter: R, S, D, Z, T, t, X, I... (proc(5)).</param>
/// <param name="UserTicks">utime, in clock ticks (USER_HZ).</param>
/// <param name="SystemTicks">stime, in clock ticks.</param>
/// <param name="NumThreads">num_threads.</param>
/// <param name="StartTicks">starttime: clock ticks after boot.</param>
/// <param name="VirtualBytes">vsize, in bytes.</param>
/// <param name="ResidentPages">rss, in pages.</param>
internal readonly record struct ProcStat(
    string Comm, string State, ulong UserTicks, ulong SystemTicks, long NumThreads, ulong StartTicks, ulong VirtualBytes, long ResidentPages);

/// <summary>
/// Parses /proc/[pid]/stat: "pid (comm) state ppid ...". comm may itself hold spaces and
/// parentheses, so it runs from the first '(' to the LAST ')' (proc(5)); fields are counted after it.
/// </summary>
internal static class ProcStatParser
{
    // Field numbers from proc(5), counting "pid" as 1: state is 3, so after ')' index 0 is field 3.
    private const int State = 3 - 3;
    private const int Utime = 14 - 3;
    private const int Stime = 15 - 3;
    private const int NumThreads = 20 - 3;
    private const int StartTime = 22 - 3;
    private const int Vsize = 23 - 3;
    private const int Rss = 24 - 3;

    /// <summary>USER_HZ, the unit of utime/stime/starttime: 100 on every Linux architecture's ABI.</summary>
    public const double TicksPerSecond = 100;

    public static ProcStat Parse(string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            throw new FormatException($"stat: no '(comm)' in '{Shorten(text)}'");
        }

        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length <= Rss)
        {
            throw new FormatException($"stat: expected at least {Rss + 3} fields, got {fields.Length + 2}: '{Shorten(text)}'");
        }

        return new ProcStat(
            text[(open + 1)..close],
            fields[State],
            ParseUnsigned(fields[Utime]),
            ParseUnsigned(fields[Stime]),
            ParseSigned(fields[NumThreads]),
            ParseUnsigned(fields[StartTime]),
            ParseUnsigned(fields[Vsize]),
            ParseSigned(fields[Rss]));
    }

    private static ulong ParseUnsigned(string field) => ProcValue.ParseUInt64("stat", field);

    private static long ParseSigned(string field) => ProcValue.ParseInt64("stat", field);

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "..." : text.Trim();
}
