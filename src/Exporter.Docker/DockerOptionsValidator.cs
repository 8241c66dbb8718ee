using Microsoft.Extensions.Options;

namespace Exporter.Docker;

/// <summary>Bad docker settings fail at start-up with a clear message.</summary>
internal sealed class DockerOptionsValidator : IValidateOptions<DockerOptions>
{
    public ValidateOptionsResult Validate(string? name, DockerOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Host))
        {
            try
            {
                DockerEndpoint.Parse(options.Host, options.Tls ?? false);
            }
            catch (FormatException e)
            {
                errors.Add(e.Message);
            }
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"docker: timeout must be positive, got {options.Timeout}");
        }

        if (options.MaxParallel is < 1 or > 1024)
        {
            errors.Add($"docker: max-parallel must be between 1 and 1024, got {options.MaxParallel}");
        }

        var clashes = options.LabelKeys.GroupBy(DockerDescriptors.LabelName, StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var clash in clashes)
        {
            errors.Add($"docker: labels {string.Join(" and ", clash)} would both become {clash.Key}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
