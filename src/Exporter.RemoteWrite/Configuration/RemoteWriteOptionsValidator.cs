using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Exporter.RemoteWrite.Configuration;

/// <summary>
/// Bad push settings stop the start-up with a clear message: a bad URL, an unreadable password,
/// token or certificate file, a bad size. Messages name settings and files, never their contents.
/// </summary>
internal sealed partial class RemoteWriteOptionsValidator : IValidateOptions<RemoteWriteOptions>
{
    internal const long MinimumMaxSize = 64 << 10;

    // Set by the sender; a header of the same name would break the protocol or the credentials.
    private static readonly string[] ReservedHeaders =
        ["Content-Encoding", "Content-Type", "Content-Length", "User-Agent", "X-Prometheus-Remote-Write-Version", "Host"];

    public ValidateOptionsResult Validate(string? name, RemoteWriteOptions options)
    {
        if (options.Receivers.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.Interval <= TimeSpan.Zero)
        {
            errors.Add("push interval must be positive");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add("push timeout must be positive");
        }

        if (options.MinBackoff <= TimeSpan.Zero || options.MaxBackoff < options.MinBackoff)
        {
            errors.Add("push min_backoff must be positive and max_backoff at least min_backoff");
        }

        ValidateBuffer(options.Buffer, errors);
        foreach (var label in options.Labels.Keys.Where(l => !LabelName().IsMatch(l) || l.StartsWith("__", StringComparison.Ordinal)))
        {
            errors.Add($"push label '{label}' is not a valid label name");
        }

        var urls = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Receivers.Count; i++)
        {
            var receiver = options.Receivers[i];
            var where = $"push receiver {i + 1}";
            if (!Uri.TryCreate(receiver.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                // The value itself is left out: a malformed URL may still carry a token.
                errors.Add($"{where}: url must be an absolute http:// or https:// URL");
                continue;
            }

            if (!string.IsNullOrEmpty(url.UserInfo))
            {
                errors.Add($"{where}: credentials in the url are not allowed; use basic_auth with a password_file");
                continue;
            }

            if (receiver.Timeout is { } timeout && timeout <= TimeSpan.Zero)
            {
                errors.Add($"{where}: timeout must be positive");
            }

            var settings = ReceiverSettings.Resolve(options, receiver);
            if (!urls.Add(settings.Url.AbsoluteUri))
            {
                errors.Add($"{where}: {settings.SafeUrl} is listed twice");
            }

            ValidateCredentials(where, settings, errors);
            if (receiver.TlsConfig is not null && url.Scheme != Uri.UriSchemeHttps)
            {
                // Shared TLS settings simply do not apply to an http:// receiver; its own do not make sense.
                errors.Add($"{where}: tls_config needs an https:// url");
            }

            ValidateTls(where, settings.Tls, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static long MaxBytes(BufferOptions buffer) =>
        buffer.MaxSize is null ? (buffer.Path is null ? BufferOptions.DefaultMemoryMaxBytes : BufferOptions.DefaultDiskMaxBytes)
        : ByteSize.TryParse(buffer.MaxSize, out var bytes) ? bytes
        : throw new FormatException("push buffer max_size is not a size");

    private static void ValidateBuffer(BufferOptions buffer, List<string> errors)
    {
        if (buffer.MaxSize is not null && (!ByteSize.TryParse(buffer.MaxSize, out var bytes) || bytes < MinimumMaxSize))
        {
            errors.Add($"push buffer max_size must be a size of at least 64KiB such as 512MB or 1GiB, got '{buffer.MaxSize}'");
        }

        if (buffer.Path is { } path)
        {
            try
            {
                Directory.CreateDirectory(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors.Add($"push buffer path {path} cannot be created: {e.Message}");
            }
        }
    }

    private static void ValidateCredentials(string where, ReceiverSettings settings, List<string> errors)
    {
        if (settings.BasicAuth is { } basic)
        {
            if (string.IsNullOrEmpty(basic.Username))
            {
                errors.Add($"{where}: basic_auth needs a username");
            }

            if (settings.BearerTokenFile is not null)
            {
                errors.Add($"{where}: set basic_auth or bearer_token_file, not both");
            }

            CheckReadable(where, "basic_auth password_file", basic.PasswordFile, errors, required: true);
        }

        CheckReadable(where, "bearer_token_file", settings.BearerTokenFile, errors, required: false);
        foreach (var header in settings.Headers.Keys)
        {
            var reserved = ReservedHeaders.Contains(header, StringComparer.OrdinalIgnoreCase)
                || (header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && (settings.BasicAuth is not null || settings.BearerTokenFile is not null));
            if (reserved || !HeaderName().IsMatch(header))
            {
                errors.Add($"{where}: header '{header}' cannot be set");
            }
        }
    }

    private static void ValidateTls(string where, TlsOptions? tls, List<string> errors)
    {
        if (tls is null)
        {
            return;
        }

        if (tls.CaFile is { } ca && CheckReadable(where, "tls_config ca_file", ca, errors, required: true))
        {
            try
            {
                var roots = new X509Certificate2Collection();
                roots.ImportFromPemFile(ca);
                if (roots.Count == 0)
                {
                    errors.Add($"{where}: tls_config ca_file {ca} holds no PEM certificate");
                }
            }
            catch (CryptographicException)
            {
                errors.Add($"{where}: tls_config ca_file {ca} is not a PEM certificate file");
            }
        }

        if ((tls.CertFile is null) != (tls.KeyFile is null))
        {
            errors.Add($"{where}: tls_config needs both cert_file and key_file");
        }
        else if (tls.CertFile is { } cert && tls.KeyFile is { } key
            && CheckReadable(where, "tls_config cert_file", cert, errors, required: true)
            && CheckReadable(where, "tls_config key_file", key, errors, required: true))
        {
            try
            {
                using var certificate = X509Certificate2.CreateFromPemFile(cert, key);
            }
            catch (CryptographicException)
            {
                errors.Add($"{where}: tls_config cert_file {cert} and key_file {key} are not a matching PEM certificate and key");
            }
        }
    }

    private static bool CheckReadable(string where, string setting, string? path, List<string> errors, bool required)
    {
        if (string.IsNullOrEmpty(path))
        {
            if (required)
            {
                errors.Add($"{where}: {setting} is not set");
            }

            return false;
        }

        try
        {
            using var file = File.OpenRead(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The message names the file (never its contents).
            var reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ => "I/O error",
            };
            errors.Add($"{where}: cannot read {setting} {path}: {reason}");
            return false;
        }
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderName();
}
