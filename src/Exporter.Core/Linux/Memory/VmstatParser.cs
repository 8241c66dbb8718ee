namespace Exporter.Core.Linux;

/// <summary>Parses /proc/vmstat: one "name value" pair per line (proc(5)).</summary>
internal static class VmstatParser
{
    public static IReadOnlyList<(string Name, double Value)> Parse(string text)
    {
        var fields = new List<(string, double)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new FormatException($"vmstat: expected 'name value', got '{line}'");
            }

            fields.Add((parts[0], ProcValue.ParseDouble("vmstat", parts[1])));
        }

        return fields;
    }
}
