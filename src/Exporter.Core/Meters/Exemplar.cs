using System.Buffers;
using System.Diagnostics;
using Exporter.Core.Exposition;

namespace Exporter.Core.Meters;

/// <summary>
/// The latest measurement of one counter series or histogram bucket that was made inside a recorded
/// <see cref="Activity"/> (OpenMetrics exemplars). Writers never wait: one that finds another
/// writing skips its exemplar (an exemplar is a sample, not a total). A reader retries if a write
/// overlapped its copy (a sequence lock), so it never sees one trace's id with another's value.
/// </summary>
internal struct Exemplar
{
    private int _version;
    private ActivityTraceId _traceId;
    private ActivitySpanId _spanId;
    private double _value;
    private long _unixMilliseconds;

    /// <summary>Records <paramref name="value"/> for the current activity, if one is recorded.</summary>
    public static void Offer(ref Exemplar[]? slots, int length, int index, double value, TimeProvider clock)
    {
        if (Activity.Current is not { Recorded: true } activity)
        {
            return;
        }

        var array = slots ?? Interlocked.CompareExchange(ref slots, new Exemplar[length], null) ?? slots;
        ref var slot = ref array[index];
        var version = Volatile.Read(ref slot._version);
        if ((version & 1) != 0 || Interlocked.CompareExchange(ref slot._version, version + 1, version) != version)
        {
            return;
        }

        slot._traceId = activity.TraceId;
        slot._spanId = activity.SpanId;
        slot._value = value;
        slot._unixMilliseconds = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Volatile.Write(ref slot._version, version + 2);
    }

    /// <summary>
    /// Writes <c> # {trace_id="...",span_id="..."} VALUE TIMESTAMP</c> (OpenMetrics 1.0, "Exemplars")
    /// when the slot holds one.
    /// </summary>
    public static void Write(IBufferWriter<byte> output, Exemplar[]? slots, int index)
    {
        if (slots is null)
        {
            return;
        }

        ref var slot = ref slots[index];
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var before = Volatile.Read(ref slot._version);
            if (before == 0)
            {
                return;
            }

            var traceId = slot._traceId;
            var spanId = slot._spanId;
            var value = slot._value;
            var milliseconds = slot._unixMilliseconds;
            Interlocked.MemoryBarrier();
            if ((before & 1) != 0 || Volatile.Read(ref slot._version) != before)
            {
                continue;
            }

            output.Write(" # {trace_id=\""u8);
            ExpositionWriter.WriteUtf8(output, traceId.ToHexString());
            output.Write("\",span_id=\""u8);
            ExpositionWriter.WriteUtf8(output, spanId.ToHexString());
            output.Write("\"} "u8);
            ExpositionWriter.WriteValue(output, value);
            output.Write(" "u8);
            ExpositionWriter.WriteValue(output, milliseconds / 1000.0);
            return;
        }
    }
}
