using Microsoft.Extensions.Options;

namespace Exporter.Core.Databases.Mongo;

/// <summary>Checks the target list at start-up, so a typo fails the boot instead of every scrape.</summary>
internal sealed class MongoOptionsValidator : IValidateOptions<MongoOptions>
{
    public ValidateOptionsResult Validate(string? name, MongoOptions options)
    {
        var errors = new List<string>();
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"mongodb: Timeout must be positive, got {options.Timeout}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Targets.Count; i++)
        {
            var target = options.Targets[i];
            if (string.IsNullOrWhiteSpace(target.Name))
            {
                errors.Add($"mongodb: target {i} has no Name");
            }
            else if (!names.Add(target.Name))
            {
                errors.Add($"mongodb: target name '{target.Name}' is used twice");
            }

            try
            {
                target.ParseAddress();
            }
            catch (FormatException e)
            {
                errors.Add(e.Message);
            }

            var sources = (target.PasswordFile is null ? 0 : 1) + (target.PasswordEnv is null ? 0 : 1);
            if (target.Username is null && sources > 0)
            {
                errors.Add($"mongodb target '{target.Name}': a password is given but no Username");
            }
            else if (target.Username is not null && sources != 1)
            {
                errors.Add($"mongodb target '{target.Name}': give the password with exactly one of PasswordFile or PasswordEnv");
            }

            if (target.TlsCaFile is not null && !target.Tls)
            {
                errors.Add($"mongodb target '{target.Name}': TlsCaFile is set but Tls is not");
            }

            if (string.IsNullOrWhiteSpace(target.AuthDatabase))
            {
                errors.Add($"mongodb target '{target.Name}': AuthDatabase is empty");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
