namespace Exporter.Core.Linux;

/// <summary>One row of /proc/interrupts: its name ("24", "LOC"), description, and count per CPU.</summary>
internal sealed record Interrupt(string Name, string Info, string Devices, IReadOnlyList<double> PerCpu);

/// <summary>
/// Parses /proc/interrupts (proc(5)): a header with one "CPUn" column per CPU, then one row per
/// interrupt: "NAME:", a count per CPU, then a description. For numbered interrupts the
/// description is the controller (info) followed by the trigger and devices; for named ones
/// (LOC, NMI...) it is all info. Rows with fewer columns (ERR, MIS) are skipped, as node_exporter does.
/// </summary>
internal static class InterruptsParser
{
    public static IReadOnlyList<Interrupt> Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            throw new FormatException("interrupts: empty file");
        }

        var cpus = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var interrupts = new List<Interrupt>();
        foreach (var line in lines.Skip(1))
        {
            // Split at the colon first: on aarch64 the values can follow it without a space.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"interrupts: no 'NAME:' in '{line.Trim()}'");
            }

            var name = line[..colon].Trim();
            var parts = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < cpus + 1)
            {
                continue;
            }

            var counts = parts.Take(cpus).Select(p => ProcValue.ParseDouble("interrupts", p)).ToArray();
            var numbered = name.Length > 0 && name.All(char.IsAsciiDigit);
            interrupts.Add(numbered
                ? new Interrupt(name, parts[cpus], string.Join(' ', parts.Skip(cpus + 1)), counts)
                : new Interrupt(name, string.Join(' ', parts.Skip(cpus)), string.Empty, counts));
        }

        return interrupts;
    }
}
