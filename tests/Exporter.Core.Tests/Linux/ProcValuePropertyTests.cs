using System.Globalization;
using CsCheck;
using Exporter.Core.Linux;
using static Exporter.Core.Tests.ParserProperties;

namespace Exporter.Core.Tests.Linux;

/// <summary>Properties of the number parsing every /proc and /sys parser shares (see <see cref="ParserProperties"/>).</summary>
public sealed class ProcValuePropertyTests
{
    [Fact]
    public void Numbers_round_trip_in_every_form_the_kernel_prints()
    {
        Gen.Double.Where(double.IsFinite).Sample(d => ProcValue.ParseDouble("t", Invariant(d)).Should().Be(d));
        Gen.ULong.Sample(u =>
        {
            ProcValue.ParseUInt64("t", Invariant(u)).Should().Be(u);
            ProcValue.ParseHex("t", u.ToString("x", CultureInfo.InvariantCulture)).Should().Be(u);
        });
        Gen.Long.Sample(l =>
        {
            ProcValue.ParseInt64("t", Invariant(l)).Should().Be(l);
            ProcValue.ParseInt64("t", $" {Invariant(l)}\n").Should().Be(l, "sysfs attributes end with a newline");
        });
        Gen.Long[0, long.MaxValue].Sample(l => ProcValue.ParseInt64("t", "0x" + l.ToString("X", CultureInfo.InvariantCulture)).Should().Be(l));
    }

    [Fact]
    public void Anything_else_is_a_format_exception_naming_the_source() =>
        Hostile(Gen.Long.Select(Invariant), "0123456789abcdefxX+-. \n\te\u0660\u00b2").Sample(text =>
        {
            foreach (var parse in new Func<string, object>[]
            {
                t => ProcValue.ParseDouble("src", t), t => ProcValue.ParseInt64("src", t), t => ProcValue.ParseHex("src", t), t => ProcValue.ParseUInt64("src", t),
            })
            {
                try
                {
                    parse(text);
                }
                catch (FormatException e)
                {
                    e.Message.Should().StartWith("src: ");
                }
            }
        }, iter: Iterations);
}
