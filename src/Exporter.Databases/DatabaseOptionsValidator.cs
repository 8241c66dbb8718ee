using Microsoft.Extensions.Options;

namespace Exporter.Databases;

/// <summary>
/// A target list that cannot work fails at start-up with one clear message per problem: no name, the
/// same name twice, two secret sources, a secret file or variable that is not there, a bad port.
/// Messages name the target and the setting, never a secret's value.
/// </summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    /// <summary>libpq's sslmode values (https://www.postgresql.org/docs/current/libpq-ssl.html).</summary>
    internal static readonly HashSet<string> SslModes = new(["disable", "allow", "prefer", "require", "verify-ca", "verify-full"], StringComparer.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var errors = new List<string>();
        CheckTargets(options.Postgres, errors, (target, where) =>
        {
            if (string.IsNullOrWhiteSpace(target.User))
            {
                errors.Add($"{where}: user is required");
            }

            if (!SslModes.Contains(target.SslMode))
            {
                errors.Add($"{where}: ssl_mode must be disable, allow, prefer, require, verify-ca or verify-full, got '{target.SslMode}'");
            }

            CheckPort(target.Port, where, errors);
        });
        CheckTargets(options.Redis, errors, (target, where) =>
        {
            CheckPort(target.Port, where, errors);
            if (target.TlsCaFile is { } ca && !File.Exists(ca))
            {
                errors.Add($"{where}: tls_ca_file {ca} does not exist");
            }

            if (!target.Tls && (target.TlsCaFile is not null || target.TlsServerName is not null || target.TlsInsecureSkipVerify))
            {
                errors.Add($"{where}: TLS settings given but tls is not true");
            }
        });

        CheckTargets(options.MongoDb, errors, (target, where) =>
        {
            CheckPort(target.Port, where, errors);
            var hasPassword = target.Password is not null || target.PasswordFile is not null || target.PasswordEnv is not null;
            if (string.IsNullOrWhiteSpace(target.User) && hasPassword)
            {
                errors.Add($"{where}: a password is given but no user");
            }
            else if (!string.IsNullOrWhiteSpace(target.User) && !hasPassword)
            {
                // SCRAM-SHA-256 has no empty password: without one every scrape would only fail.
                errors.Add($"{where}: user is set but no password, password_file or password_env");
            }

            if (string.IsNullOrWhiteSpace(target.AuthDatabase))
            {
                errors.Add($"{where}: auth_database is empty");
            }

            if (target.TlsCaFile is { } ca && !File.Exists(ca))
            {
                errors.Add($"{where}: tls_ca_file {ca} does not exist");
            }

            if (!target.Tls && target.TlsCaFile is not null)
            {
                errors.Add($"{where}: TLS settings given but tls is not true");
            }
        });

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckTargets<T>(List<T> targets, List<string> errors, Action<T, string> checkKind)
        where T : DatabaseTargetOptions
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var where = $"{target.Kind} target {i + 1}";
            if (string.IsNullOrWhiteSpace(target.Name))
            {
                errors.Add($"{where}: name is required");
            }
            else
            {
                where = $"{target.Kind} target '{target.Name}'";
                if (!seen.Add(target.Name))
                {
                    errors.Add($"{where}: the name is used twice");
                }
            }

            if (string.IsNullOrWhiteSpace(target.Host))
            {
                errors.Add($"{where}: host is required");
            }

            if (target.Timeout is { } timeout && timeout <= TimeSpan.Zero)
            {
                errors.Add($"{where}: timeout must be positive");
            }

            CheckSecret(target, where, errors);
            checkKind(target, where);
        }
    }

    private static void CheckSecret(DatabaseTargetOptions target, string where, List<string> errors)
    {
        var sources = new[] { target.Password, target.PasswordFile, target.PasswordEnv }.Count(s => s is not null);
        if (sources > 1)
        {
            errors.Add($"{where}: give only one of password, password_file and password_env");
            return;
        }

        if (target.PasswordFile is { } file && !File.Exists(file))
        {
            errors.Add($"{where}: password_file {file} does not exist");
        }
        else if (target.PasswordFile is not null || target.PasswordEnv is not null)
        {
            try
            {
                Secret.Resolve(target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{where}: cannot read the password: {e.Message}");
            }
        }
    }

    private static void CheckPort(int port, string where, List<string> errors)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{where}: port must be 1-65535, got {port}");
        }
    }
}
