using Microsoft.Extensions.Logging;

namespace Exporter.Core.Linux;

internal static partial class FilesystemLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "statvfs on {Path} failed with errno {Errno}")]
    public static partial void StatFailed(ILogger logger, string path, int errno);

    [LoggerMessage(Level = LogLevel.Warning, Message = "statvfs on {Path} did not answer within {TimeoutSeconds}s; reporting device_error until it returns")]
    public static partial void StatTimedOut(ILogger logger, string path, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mount point {MountPoint} is still unresponsive, skipped")]
    public static partial void StillStuck(ILogger logger, string mountPoint);
}
