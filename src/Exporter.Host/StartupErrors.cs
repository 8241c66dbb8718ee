using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Exporter.Host;

/// <summary>
/// Tells configuration mistakes found at start-up from real faults, and turns them into short
/// messages. Options validation, the configuration binder (unknown keys, a word where a number
/// belongs) and collectors rejecting their settings all surface here, alone or several at once.
/// </summary>
internal static partial class StartupErrors
{
    public static bool IsConfiguration(Exception e) => e switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConfiguration),
        OptionsValidationException or InvalidOperationException or ArgumentException or FormatException => true,
        _ => false,
    };

    /// <summary>
    /// The messages, without the values: the binder quotes the value it could not convert, and a
    /// value in the wrong key may be a password. Inner exceptions only repeat the value.
    /// </summary>
    public static IEnumerable<string> Messages(Exception e) => e switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Messages).Distinct(),
        OptionsValidationException validation => validation.Failures,
        _ => [QuotedValue().Replace(e.Message, "configuration value at")],
    };

    [GeneratedRegex("configuration value '.*?' at", RegexOptions.Singleline)]
    private static partial Regex QuotedValue();
}
