using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;
using System.Globalization;
using System.Xml.Linq;
using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

/// <summary>The SVG legend shows every name in full and stays inside the picture.</summary>
public class LegendTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static (double Width, double Height, List<XElement> Texts) Parse(Figure figure)
    {
        var root = XDocument.Parse(figure.ToSvg()).Root!;
        double w = double.Parse(root.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        double h = double.Parse(root.Attribute("height")!.Value, CultureInfo.InvariantCulture);
        return (w, h, root.Descendants(Svg + "text").ToList());
    }

    private static double X(XElement e) => double.Parse(e.Attribute("x")!.Value, CultureInfo.InvariantCulture);
    private static double Y(XElement e) => double.Parse(e.Attribute("y")!.Value, CultureInfo.InvariantCulture);

    [Test]
    public void A_long_name_wraps_onto_lines_inside_the_figure_instead_of_being_cut()
    {
        // Chapter 06's loss chart: both names are wider than the legend column.
        string[] names = ["Training (Mittel über 25 Schritte)", "zurückgehaltener Text, am Ende"];
        var figure = Chart.Combine([
                Chart.Line<double, double, string>(x: new[] { 0.0, 1, 2 }, y: new[] { 3.0, 2.5, 2.0 }, Name: names[0]),
                Chart.Line<double, double, string>(x: new[] { 0.0, 2 }, y: new[] { 2.1, 2.1 }, Name: names[1])])
            .WithTitle("Verlust beim Training").WithSize(720, 380);
        var (width, height, texts) = Parse(figure.Model());

        Assert.That(texts.Select(t => t.Value), Has.None.Contains("…"), "no name is shortened");
        // The legend's lines, in order, put together again give the full names.
        double legendX = texts.Where(t => names.Any(n => n.StartsWith(t.Value, StringComparison.Ordinal))).Min(X);
        string legendText = string.Join(" ", texts.Where(t => X(t) == legendX).OrderBy(Y).Select(t => t.Value));
        Assert.That(legendText, Is.EqualTo(string.Join(" ", names)));
        Assert.That(texts.Count(t => X(t) == legendX), Is.GreaterThan(2), "at least one name needed a second line");
        foreach (var t in texts.Where(t => X(t) == legendX))
            Assert.That(X(t) + TextMetrics.Width(t.Value, Style.LegendFont), Is.LessThanOrEqualTo(width), $"'{t.Value}' ends inside the figure");
        Assert.That(height, Is.EqualTo(380), "a short legend leaves the figure's size alone");
    }

    [Test]
    public void A_legend_longer_than_the_figure_makes_the_svg_taller_and_keeps_every_entry()
    {
        var lines = Enumerable.Range(1, 30).Select(k => Chart.Line<double, double, string>(x: new[] { 0.0, 1 }, y: new[] { k, k + 1.0 }, Name: $"Reihe {k}"));
        var figure = Chart.Combine(lines).WithSize(500, 300);
        var (_, height, texts) = Parse(figure.Model());

        var legend = texts.Where(t => t.Value.StartsWith("Reihe ", StringComparison.Ordinal)).ToList();
        Assert.That(legend.Select(t => t.Value), Is.EqualTo(Enumerable.Range(1, 30).Select(k => $"Reihe {k}")));
        Assert.That(height, Is.GreaterThan(300));
        Assert.That(legend.Max(Y), Is.LessThan(height), "the last entry is inside the canvas");
    }

    [Test]
    public void Wrapping_breaks_at_spaces_and_splits_only_words_wider_than_the_column()
    {
        Assert.That(Legend.Wrap("kurz", 12.5, 180), Is.EqualTo(new[] { "kurz" }));
        var wrapped = Legend.Wrap("Training (Mittel über 25 Schritte)", 12.5, 120);
        Assert.That(wrapped, Has.Count.GreaterThan(1));
        Assert.That(string.Join(" ", wrapped), Is.EqualTo("Training (Mittel über 25 Schritte)"));
        var split = Legend.Wrap(new string('x', 60), 12.5, 100);
        Assert.That(string.Concat(split), Is.EqualTo(new string('x', 60)));
        Assert.That(split, Has.All.Matches<string>(s => TextMetrics.Width(s, 12.5) <= 100));
    }
}
