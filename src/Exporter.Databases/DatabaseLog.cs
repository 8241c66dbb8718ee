using Microsoft.Extensions.Logging;

namespace Exporter.Databases;

/// <summary>Target up/down changes. Errors are redacted before they get here (see <see cref="Secret.Redact"/>).</summary>
internal static partial class DatabaseLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} target {Target} is down: {Error}")]
    public static partial void TargetDown(ILogger logger, string kind, string target, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} target {Target} is still down: {Error}")]
    public static partial void TargetStillDown(ILogger logger, string kind, string target, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} target {Target} is up again")]
    public static partial void TargetUp(ILogger logger, string kind, string target);
}
