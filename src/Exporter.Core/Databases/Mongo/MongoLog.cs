using Microsoft.Extensions.Logging;

namespace Exporter.Core.Databases.Mongo;

internal static partial class MongoLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "MongoDB target {Target} ({Address}) is down: {Error}")]
    public static partial void TargetDown(ILogger logger, string target, string address, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MongoDB target {Target} ({Address}) is still down: {Error}")]
    public static partial void TargetStillDown(ILogger logger, string target, string address, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "MongoDB target {Target} ({Address}) is up")]
    public static partial void TargetUp(ILogger logger, string target, string address);
}
