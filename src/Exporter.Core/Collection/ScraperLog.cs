using Microsoft.Extensions.Logging;

namespace Exporter.Core.Collection;

internal static partial class ScraperLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Collector {Collector} failed: {Error}")]
    public static partial void CollectorFailed(ILogger logger, string collector, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Collector {Collector} failed again: {Error}")]
    public static partial void CollectorFailedAgain(ILogger logger, string collector, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector {Collector} works again")]
    public static partial void CollectorRecovered(ILogger logger, string collector);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enabled collectors: {Collectors}")]
    public static partial void EnabledCollectors(ILogger logger, string collectors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Family {Family} from collector {Collector} has another type or labels than the same family from another collector; dropped")]
    public static partial void FamilyClash(ILogger logger, string family, string collector);
}
