namespace Exporter.Core.Linux;

/// <summary>
/// Parses /proc/sys/fs/file-nr: "allocated unused maximum" (proc(5); the middle field is always 0
/// since Linux 2.6).
/// </summary>
internal static class FilefdParser
{
    public static (double Allocated, double Maximum) Parse(string text)
    {
        var fields = text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3)
        {
            throw new FormatException($"filefd: expected 3 fields, got {fields.Length}: '{text.Trim()}'");
        }

        return (ProcValue.ParseUInt64("filefd", fields[0]), ProcValue.ParseUInt64("filefd", fields[2]));
    }
}
