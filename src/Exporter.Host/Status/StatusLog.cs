using Microsoft.Extensions.Logging;

namespace Exporter.Host.Status;

internal static partial class StatusLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Status page viewed: sampling every {Seconds}s while it is")]
    public static partial void SamplingStarted(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Status page not viewed for {Seconds}s: sampling stopped, history dropped")]
    public static partial void SamplingStopped(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status page: collection failed: {Error}")]
    public static partial void CollectionFailed(ILogger logger, string error);
}
