using Microsoft.Extensions.Logging;

namespace Exporter.Core.Linux;

internal static partial class TextfileLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Textfile collector: {Error}")]
    public static partial void Failed(ILogger logger, string error);
}
