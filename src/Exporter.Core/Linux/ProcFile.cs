namespace Exporter.Core.Linux;

/// <summary>
/// Reading procfs and sysfs files. A file that does not exist (a kernel without that feature, a
/// device that went away between listing and reading) is "no data", not an error, so these return
/// null instead of throwing; anything else (permission, I/O) still throws and fails the collector.
/// </summary>
public static class ProcFile
{
    /// <summary>The whole file, or null when it (or its directory) does not exist.</summary>
    public static async Task<string?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The whole file, or null when it (or its directory) does not exist.</summary>
    public static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A one-value sysfs attribute, trimmed; null when missing.</summary>
    public static string? TryReadValue(string path) => TryRead(path)?.Trim();

    /// <summary>
    /// A one-number sysfs attribute; null when missing, unreadable (some attributes answer EINVAL
    /// while a link is down) or not a number.
    /// </summary>
    public static double? TryReadNumber(string path)
    {
        try
        {
            return ProcValue.TryParseDouble(TryReadValue(path), out var value) ? value : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
