using Microsoft.Extensions.Options;

namespace Exporter.Core.Linux;

/// <summary>Validates a collector's options at start-up with a function that lists what is wrong.</summary>
internal sealed class OptionsValidator<TOptions>(Func<TOptions, IEnumerable<string>> errors) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var found = errors(options).ToList();
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
