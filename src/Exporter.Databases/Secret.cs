using System.Text.RegularExpressions;

namespace Exporter.Databases;

/// <summary>
/// A target's password: read from its file or environment variable when a connection is opened
/// (so a rotated secret is picked up on the next reconnect), never written anywhere.
/// </summary>
public static partial class Secret
{
    /// <summary>The password, or null when the target has none; throws <see cref="IOException"/> when its file is gone.</summary>
    public static string? Resolve(DatabaseTargetOptions target)
    {
        if (target.PasswordFile is { } file)
        {
            // Secret files are usually written with a trailing newline (echo, kubectl create secret).
            return File.ReadAllText(file).TrimEnd('\r', '\n');
        }

        if (target.PasswordEnv is { } variable)
        {
            return Environment.GetEnvironmentVariable(variable)
                ?? throw new IOException($"environment variable {variable} is not set");
        }

        return target.Password;
    }

    /// <summary>
    /// An error message made safe to log and show: the password itself is blanked out wherever it
    /// appears, and so is any "password=..." pair a driver put into a connection-string-like text.
    /// </summary>
    public static string Redact(string message, string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            message = message.Replace(secret, "<redacted>", StringComparison.Ordinal);
        }

        return PasswordPair().Replace(message, "$1=<redacted>");
    }

    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=\s*[^;\s]*")]
    private static partial Regex PasswordPair();
}
