using Microsoft.Extensions.Logging;

namespace Exporter.Core.Meters;

internal static partial class MeterLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Instrument {Instrument} of meter {Meter} is exported as {Family}, which another instrument already exports as a {Existing}, not a {Type}; dropped")]
    public static partial void TypeClash(ILogger logger, string family, string instrument, string meter, string type, string existing);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instrument {Instrument} of meter {Meter} is of a kind the exporter does not know ({Kind}); skipped")]
    public static partial void UnknownInstrument(ILogger logger, string instrument, string meter, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instrument {Instrument} of meter {Meter} reached its limit of series; further label sets go into the otel_metric_overflow series")]
    public static partial void Overflow(ILogger logger, string instrument, string meter);
}
