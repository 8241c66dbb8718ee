using System.Globalization;
using System.Text;
using Exporter.Core.Exposition;

namespace Exporter.Core.Tests.Exposition;

/// <summary>
/// Whole numbers take the integer formatter; these show it writes exactly what the shortest
/// round-trip form of the double ("R") writes, at the edges where the two could part.
/// </summary>
public sealed class ValueFormattingTests
{
    private static readonly double[] Edges =
    [
        0, -0.0, 1, -1, 0.5, -0.5, 10, 1234.5, 999_999_999_999_999, -999_999_999_999_999, 999_999_999_999_999.5,
        1e15, -1e15, 1e15 + 2, 1e16, 1e16 + 2, 1e17, 123_456_789_012_345, 12_345_678_901_234_568, 123_456_789_012_345_678,
        9_007_199_254_740_991, -9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_993, -9_007_199_254_740_992,
        long.MaxValue, long.MinValue, 9.3e18, -9.3e18, 1e-300, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
        0.1 + 0.2, 1.0 / 3, 4.35, 100.0 * 1.1,
    ];

    [Fact]
    public void Doubles_at_the_edges_are_written_as_their_shortest_round_trip_form()
    {
        foreach (var value in Edges)
        {
            Format(value).Should().Be(RoundTrip(value), "for {0:R}", value);
        }
    }

    [Fact]
    public void Whole_doubles_of_every_magnitude_are_written_as_their_shortest_round_trip_form()
    {
        var random = new Random(42);
        for (var i = 0; i < 20_000; i++)
        {
            var value = Math.Round(Math.Pow(10, random.NextDouble() * 20) * (random.Next(2) == 0 ? -1 : 1));
            Format(value).Should().Be(RoundTrip(value), "for {0:R}", value);
        }
    }

    [Fact]
    public void Longs_are_written_as_the_same_value_as_a_double_would_be()
    {
        long[] values = [0, 1, -1, 42, 999_999_999_999_999, -999_999_999_999_999, 1_000_000_000_000_000, -1_000_000_000_000_000,
            9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_993, -9_007_199_254_740_993, 12_345_678_901_234_567,
            long.MaxValue, long.MinValue];
        foreach (var value in values)
        {
            var buffer = new byte[ExpositionWriter.MaxValueLength];
            var written = ExpositionWriter.FormatValue(buffer, value);
            Encoding.UTF8.GetString(buffer, 0, written).Should().Be(RoundTrip(value), "for {0}", value);
        }
    }

    [Fact]
    public void Nan_and_infinities_are_spelled_as_both_formats_require()
    {
        Format(double.NaN).Should().Be("NaN");
        Format(double.PositiveInfinity).Should().Be("+Inf");
        Format(double.NegativeInfinity).Should().Be("-Inf");
    }

    private static string Format(double value)
    {
        var buffer = new byte[ExpositionWriter.MaxValueLength];
        var written = ExpositionWriter.FormatValue(buffer, value);
        return Encoding.UTF8.GetString(buffer, 0, written);
    }

    private static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
