using Exporter.Core.Portable;

namespace Exporter.Core.Tests.Portable;

public sealed class CountersTests
{
    [Fact]
    public void A_wrapping_counter_starts_at_its_first_value_and_adds_each_advance_modulo_2_to_the_32()
    {
        var counter = new WrappingCounter<string>();

        counter.Widen("a", 100).Should().Be(100);
        counter.Widen("a", 150).Should().Be(150);
        counter.Widen("a", 10).Should().Be(150UL + (uint.MaxValue - 150) + 11, "it passed 2^32 and went on to 10");
        counter.Widen("b", 7).Should().Be(7, "each key counts on its own");
    }

    [Fact]
    public void A_monotonic_counter_holds_its_highest_value_per_key()
    {
        var counter = new MonotonicCounter<int>();

        counter.Max(0, 5.0).Should().Be(5.0);
        counter.Max(0, 4.99).Should().Be(5.0);
        counter.Max(0, 6.0).Should().Be(6.0);
        counter.Max(1, 1.0).Should().Be(1.0);
    }
}
