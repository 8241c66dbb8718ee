using Microsoft.Extensions.Options;

namespace Exporter.Host;

/// <summary>
/// Tells configuration mistakes found at start-up from real faults, and turns them into short
/// messages. Options validation, the configuration binder (unknown keys, a word where a number
/// belongs) and collectors rejecting their settings all surface here, alone or several at once.
/// </summary>
internal static class StartupErrors
{
    public static bool IsConfiguration(Exception e) => e switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConfiguration),
        OptionsValidationException or InvalidOperationException or ArgumentException or FormatException => true,
        _ => false,
    };

    public static IEnumerable<string> Messages(Exception e) => e switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Messages).Distinct(),
        OptionsValidationException validation => validation.Failures,
        _ when e.InnerException is { } inner && IsConfiguration(inner) => [e.Message, .. Messages(inner)],
        _ => [e.Message],
    };
}
