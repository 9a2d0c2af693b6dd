using System.Text.Json;
using System.Xml.Linq;
using GenAI.Core;
using GenAI.Display;
using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class FigureTests
{
    [Test]
    public void A_figure_offers_html_plotly_json_svg_and_text()
    {
        var bundle = Formatter.ToMimeBundle(Chart.Line(new[] { 1.0, 0.5, 0.25 }).WithTitle("Verlust"));
        Assert.That(bundle.Keys, Is.EquivalentTo(new[] { MimeBundle.TextHtml, MimeBundle.Plotly, MimeBundle.ImageSvg, MimeBundle.TextPlain }));
        Assert.That(bundle[MimeBundle.TextPlain], Is.EqualTo("Abbildung „Verlust“: Linie (1 Datenreihe), 640×440"));
        Assert.That(bundle[MimeBundle.TextHtml], Does.Contain(PlotlyHtml.CdnUrl).And.Contain("<svg "));
    }

    [Test]
    public void The_html_fragment_cannot_be_closed_early_by_text_in_the_data()
    {
        var html = Chart.Bar(["</script><b>"], new[] { 1 }).ToHtml();
        int scriptStart = html.IndexOf("<script", StringComparison.Ordinal);
        Assert.That(html.IndexOf("</script>", scriptStart, StringComparison.Ordinal), Is.EqualTo(html.LastIndexOf("</script>", StringComparison.Ordinal)));
    }

    [Test]
    public void Classes_keep_their_palette_colour_and_order_even_when_one_is_missing()
    {
        var figure = Chart.ScatterByClass(new[] { 0.0, 1, 2 }, new[] { 0.0, 1, 2 }, new[] { 2, 0, 2 }, ["Null", "Eins", "Zwei"]);
        using var json = JsonDocument.Parse(figure.ToPlotlyJson());
        var traces = json.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.That(traces.Select(t => t.GetProperty("name").GetString()), Is.EqualTo(new[] { "Null", "Zwei" }));
        Assert.That(traces[1].GetProperty("marker").GetProperty("color").GetString(), Is.EqualTo(Palette.At(2)));
    }

    [Test]
    public void Plotly_is_told_german_separators_and_gets_explicit_axis_ranges()
    {
        using var json = JsonDocument.Parse(Chart.Scatter(new[] { 0, 10 }, new[] { 0, 1 }).ToPlotlyJson());
        var layout = json.RootElement.GetProperty("layout");
        Assert.That(layout.GetProperty("separators").GetString(), Is.EqualTo(",."));
        var range = layout.GetProperty("xaxis").GetProperty("range").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.That(range, Is.EqualTo(new[] { -0.5, 10.5 }).Within(1e-9));
    }

    [Test]
    public void Svg_tick_labels_are_german_numbers()
    {
        var svg = XDocument.Parse(Chart.Scatter(new[] { -1.5, 1.5 }, new[] { 0.0, 0.5 }).ToSvg());
        var labels = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.That(labels, Does.Contain("−1,0").And.Contain("0,5"));
    }

    [Test]
    public void Log_axis_tick_labels_use_powers_of_ten_beyond_ten_thousandths()
    {
        var figure = Chart.Line(new[] { 0.0, 1, 2 }, new[] { 1e-12, 1e-3, 2.0 }).WithYAxis(logarithmic: true);
        var svg = XDocument.Parse(figure.ToSvg());
        var labels = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.That(labels, Has.Some.Matches("^10⁻[¹²³⁴⁵⁶⁷⁸⁹⁰]+$"));
        Assert.That(labels, Has.None.Contains("0,0000"));
        using var json = JsonDocument.Parse(figure.ToPlotlyJson());
        Assert.That(json.RootElement.GetProperty("layout").GetProperty("yaxis").GetProperty("exponentformat").GetString(), Is.EqualTo("power"));
    }

    [TestCase(-10, "10⁻¹⁰")]
    [TestCase(-3, "0,001")]
    [TestCase(0, "1")]
    [TestCase(4, "10.000")]
    [TestCase(5, "10⁵")]
    [TestCase(12, "10¹²")]
    public void Powers_of_ten_are_short_german_labels(int exponent, string expected) =>
        Assert.That(GermanNumber.PowerOfTen(exponent), Is.EqualTo(expected));

    [Test]
    public void Histogram_bins_agree_between_plotly_and_svg()
    {
        var figure = Chart.Histogram(new[] { 0.0, 0.1, 0.1, 0.35, 0.9, 1.0 }, bins: 5);
        var h = (HistogramTrace)figure.Traces.Single();
        Assert.That((h.BinStart, h.BinSize), Is.EqualTo((0.0, 0.2)));
        // Bins are left-closed [a, b) as in plotly.js, so the maximum 1,0 opens a sixth bin.
        Assert.That(h.Counts, Is.EqualTo(new[] { 3, 1, 0, 0, 1, 1 }));
        using var json = JsonDocument.Parse(figure.ToPlotlyJson());
        var bins = json.RootElement.GetProperty("data")[0].GetProperty("xbins");
        Assert.That(bins.GetProperty("size").GetDouble(), Is.EqualTo(0.2));
        Assert.That(bins.GetProperty("end").GetDouble(), Is.EqualTo(1.2).Within(1e-12));
    }

    [Test]
    public void Mismatched_inputs_get_a_message_that_names_the_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.Scatter(new[] { 1, 2 }, new[] { 1 }));
        Assert.That(error!.Message, Does.Contain("x hat 2 Werte, y hat 1"));
        Assert.Throws<ArgumentException>(() => Chart.Heatmap(new double[2, 2], columnLabels: ["a"]));
        Assert.Throws<ArgumentException>(() => Chart.Grid(1, 1, Chart.Line(new[] { 1 }), Chart.Line(new[] { 2 })));
    }

    [Test]
    public void Saving_svg_writes_a_well_formed_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"genai-fig-{Guid.NewGuid():N}.svg");
        try
        {
            SampleFigures.AnnotatedHeatmap().SaveSvg(path);
            Assert.That(XDocument.Load(path).Root!.Attribute("width")!.Value, Is.EqualTo("560"));
        }
        finally { File.Delete(path); }
    }
}
