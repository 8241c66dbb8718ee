using System.Globalization;

namespace Exporter.Core.Linux;

/// <summary>One processor's block of /proc/cpuinfo, with the fields node_cpu_info reports.</summary>
internal sealed record CpuInfo(
    int Processor,
    string VendorId,
    string Family,
    string Model,
    string ModelName,
    string Microcode,
    string Stepping,
    string CacheSize,
    string PhysicalId,
    string CoreId,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Bugs);

/// <summary>
/// Parses /proc/cpuinfo as x86 prints it (arch/x86/kernel/cpu/proc.c show_cpuinfo): blocks of
/// "key\t: value" lines, each starting with "processor". Keys this collector does not use are
/// skipped; a missing one is an empty string, as node_exporter reports it.
/// </summary>
internal static class CpuInfoParser
{
    public static IReadOnlyList<CpuInfo> Parse(string text)
    {
        var cpus = new List<CpuInfo>();
        Dictionary<string, string>? current = null;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key == "processor")
            {
                if (current is not null)
                {
                    cpus.Add(ToCpuInfo(current));
                }

                current = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (current is null)
            {
                // Some architectures print a header before the first processor (old arm "Processor :
                // ARMv7", s390x "vendor_id"); it describes no single CPU.
                continue;
            }

            current[key] = value;
        }

        if (current is not null)
        {
            cpus.Add(ToCpuInfo(current));
        }

        return cpus;
    }

    private static CpuInfo ToCpuInfo(Dictionary<string, string> fields)
    {
        var processor = fields["processor"];
        if (!int.TryParse(processor, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"cpuinfo: processor '{processor}' is not a number");
        }

        string Get(string key) => fields.GetValueOrDefault(key, string.Empty);
        IReadOnlyList<string> Words(string key) => Get(key).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        return new CpuInfo(
            number,
            fields.TryGetValue("vendor_id", out var vendor) ? vendor : Get("vendor"),
            Get("cpu family"),
            Get("model"),
            Get("model name"),
            Get("microcode"),
            Get("stepping"),
            Get("cache size"),
            Get("physical id"),
            Get("core id"),
            Words("flags"),
            Words("bugs"));
    }
}
