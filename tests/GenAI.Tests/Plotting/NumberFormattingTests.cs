using GenAI.Core;
using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class NumberFormattingTests
{
    [TestCase(-1234.5, 2, "−1.234,50")]
    [TestCase(0.25, 2, "0,25")]
    [TestCase(-0.001, 2, "0,00")]
    [TestCase(1000000, 0, "1.000.000")]
    public void German_numbers_use_decimal_comma_thousands_period_and_a_real_minus(double value, int decimals, string expected) =>
        Assert.That(GermanNumber.Format(value, decimals), Is.EqualTo(expected));

    [Test]
    public void Percentages_have_one_decimal_and_a_space() => Assert.That(GermanNumber.Percent(0.4213), Is.EqualTo("42,1 %"));

    [TestCase(0, 1, 5, new[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [TestCase(-3.2, 4.6, 5, new double[] { -2, 0, 2, 4 })]
    [TestCase(0, 1234, 5, new double[] { 0, 200, 400, 600, 800, 1000, 1200 })]
    public void Ticks_fall_on_1_2_5_multiples_inside_the_range(double min, double max, int ticks, double[] expected)
    {
        var (values, _) = NiceTicks.Compute(min, max, ticks);
        Assert.That(values, Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void Tick_labels_get_the_decimals_of_their_step()
    {
        Assert.That(NiceTicks.DecimalsFor(0.05), Is.EqualTo(2));
        Assert.That(NiceTicks.DecimalsFor(0.2), Is.EqualTo(1));
        Assert.That(NiceTicks.DecimalsFor(500), Is.EqualTo(0));
    }
}
