namespace Exporter.Core.Linux;

/// <summary>
/// Parses a /proc/pressure/{cpu,io,memory} file (Documentation/accounting/psi.rst):
/// "some avg10=0.00 avg60=0.00 avg300=0.00 total=0" and, for io and memory (and cpu since 5.13),
/// a "full ..." line. total is the cumulative stall time in microseconds.
/// </summary>
internal static class PressureParser
{
    /// <summary>The "some" and "full" totals in microseconds; null for a line the file lacks.</summary>
    public static (double? SomeMicroseconds, double? FullMicroseconds) Parse(string text)
    {
        double? some = null;
        double? full = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var total = fields.Skip(1).FirstOrDefault(f => f.StartsWith("total=", StringComparison.Ordinal))
                ?? throw new FormatException($"pressure: no total= in '{line}'");
            var value = ProcValue.ParseUInt64("pressure", total["total=".Length..]);
            switch (fields[0])
            {
                case "some":
                    some = value;
                    break;
                case "full":
                    full = value;
                    break;
                default:
                    throw new FormatException($"pressure: unknown line kind '{fields[0]}'");
            }
        }

        return (some, full);
    }
}
