namespace Exporter.Core.Linux;

/// <summary>Parses /proc/loadavg: "0.52 0.58 0.59 1/467 12345" (proc(5)).</summary>
internal static class LoadavgParser
{
    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static (double Load1, double Load5, double Load15) Parse(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length < 3)
        {
            throw new FormatException($"loadavg: expected at least 3 fields, got {fields.Length}: '{text.Trim()}'");
        }

        return (ProcValue.ParseDouble("loadavg", fields[0]), ProcValue.ParseDouble("loadavg", fields[1]), ProcValue.ParseDouble("loadavg", fields[2]));
    }
}
