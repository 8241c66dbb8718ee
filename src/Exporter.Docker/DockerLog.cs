using Microsoft.Extensions.Logging;

namespace Exporter.Docker;

internal static partial class DockerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Docker engine unavailable, docker_up is 0: {Error}")]
    public static partial void Down(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Docker engine still unavailable: {Error}")]
    public static partial void StillDown(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Docker engine reachable at {Endpoint}, API {ApiVersion}")]
    public static partial void Up(ILogger logger, string endpoint, string? apiVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Docker: {Count} container(s) left out of this scrape's stats or inspect data: {Error}")]
    public static partial void ContainerCallsFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Docker: {Count} container(s) left out of this scrape's stats or inspect data: {Error}")]
    public static partial void ContainerCallsFailedAgain(ILogger logger, int count, string error);
}
