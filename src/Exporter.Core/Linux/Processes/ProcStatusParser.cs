using System.Globalization;

namespace Exporter.Core.Linux;

/// <summary>
/// Reads one "Key:   value kB" line of /proc/[pid]/status (proc(5)), e.g. VmSwap, in bytes.
/// Kernel threads and zombies have no Vm* lines: that is 0, not an error.
/// </summary>
internal static class ProcStatusParser
{
    public static double SwapBytes(string text) => KilobyteField(text, "VmSwap:");

    public static double KilobyteField(string text, string key)
    {
        var start = text.StartsWith(key, StringComparison.Ordinal) ? 0 : text.IndexOf("\n" + key, StringComparison.Ordinal) + 1;
        if (start == 0 && !text.StartsWith(key, StringComparison.Ordinal))
        {
            return 0; // no such line
        }

        var end = text.IndexOf('\n', start);
        var value = text.AsSpan(start + key.Length, (end < 0 ? text.Length : end) - start - key.Length).Trim();
        if (!value.EndsWith(" kB", StringComparison.Ordinal)
            || !ulong.TryParse(value[..^3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
        {
            throw new FormatException($"status: '{key} {value}' is not a size in kB");
        }

        return kilobytes * 1024.0;
    }
}
