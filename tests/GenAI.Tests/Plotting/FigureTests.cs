using System.Text.Json;
using System.Xml.Linq;
using GenAI.Core;
using GenAI.Display;
using GenAI.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GenAI.Tests.Plotting;

public class FigureTests
{
    private static GenericChart Loss() =>
        Chart.Line<int, double, string>(x: new[] { 0, 1, 2 }, y: new[] { 1.0, 0.5, 0.25 }, Name: "Training").WithTitle("Verlust");

    [Test]
    public void A_chart_displays_as_html_plotly_json_svg_and_text()
    {
        var bundle = Formatter.ToMimeBundle(Loss());
        Assert.That(bundle.Keys, Is.EquivalentTo(new[] { MimeBundle.TextHtml, MimeBundle.Plotly, MimeBundle.ImageSvg, MimeBundle.TextPlain }));
        Assert.That(bundle[MimeBundle.TextPlain], Is.EqualTo("Abbildung „Verlust“: Linie (1 Datenreihe), 640×440"));
        Assert.That(bundle[MimeBundle.TextHtml], Does.Contain(PlotlyHtml.CdnUrl).And.Contain("<svg "));
        using var json = JsonDocument.Parse(bundle[MimeBundle.Plotly]);
        Assert.That(json.RootElement.GetProperty("data")[0].GetProperty("y").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public void The_html_fragment_cannot_be_closed_early_by_text_in_the_data()
    {
        var html = Chart.Column<int, string, string>(values: new[] { 1 }, Keys: new[] { "</script><b>" }).ToHtml();
        int scriptStart = html.IndexOf("<script", StringComparison.Ordinal);
        Assert.That(html.IndexOf("</script>", scriptStart, StringComparison.Ordinal), Is.EqualTo(html.LastIndexOf("</script>", StringComparison.Ordinal)));
    }

    [Test]
    public void Classes_keep_their_palette_colour_and_order_even_when_one_is_missing()
    {
        var chart = ChartParts.ScatterByClass(new[] { 0.0, 1, 2 }, new[] { 0.0, 1, 2 }, new[] { 2, 0, 2 }, ["Null", "Eins", "Zwei"]);
        using var json = JsonDocument.Parse(chart.Json());
        var traces = json.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.That(traces.Select(t => t.GetProperty("name").GetString()), Is.EqualTo(new[] { "Null", "Zwei" }));
        Assert.That(traces[1].GetProperty("marker").GetProperty("color").GetString(), Is.EqualTo(Palette.At(2)));
    }

    [Test]
    public void Every_chart_tells_plotly_german_separators_and_the_course_palette()
    {
        using var json = JsonDocument.Parse(Loss().Json());
        var template = json.RootElement.GetProperty("layout").GetProperty("template").GetProperty("layout");
        Assert.That(template.GetProperty("separators").GetString(), Is.EqualTo(",."));
        Assert.That(template.GetProperty("colorway").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(Palette.Colors));
        Assert.That(json.RootElement.GetProperty("layout").GetProperty("width").GetInt32(), Is.EqualTo(ChartDefaults.Width));
    }

    [Test]
    public void Svg_tick_labels_are_german_numbers()
    {
        var svg = XDocument.Parse(Chart.Point<double, double, string>(x: new[] { -1.5, 1.5 }, y: new[] { 0.0, 0.5 }).ToSvg());
        var labels = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.That(labels, Does.Contain("−1,0").And.Contain("0,5"));
    }

    [Test]
    public void A_log_axis_set_with_plotly_is_drawn_log_with_powers_of_ten()
    {
        var chart = Chart.Line<double, double, string>(x: new[] { 0.0, 1, 2 }, y: new[] { 1e-12, 1e-3, 2.0 })
            .WithYAxisStyle<double, double, string>(AxisType: StyleParam.AxisType.Log);
        Assert.That(chart.Model().Subplots[0].Y.Logarithmic, Is.True);
        var labels = XDocument.Parse(chart.ToSvg()).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.That(labels, Has.Some.Matches("^10⁻[¹²³⁴⁵⁶⁷⁸⁹⁰]+$"));
        Assert.That(labels, Has.None.Contains("0,0000"));
    }

    [Test]
    public void A_subtitle_wider_than_the_figure_gets_a_smaller_font_and_stays_whole()
    {
        const string subtitle = "Zeile = Anfrage (Query), Spalte = Schlüssel (Key); weiß = 0, dunkelblau = 1";
        var chart = Loss().WithTitle("Zwei Köpfe", subtitle).WithSize(500, 360);
        var text = XDocument.Parse(chart.ToSvg()).Descendants().Single(e => e.Name.LocalName == "text" && e.Value == subtitle);
        double size = double.Parse(text.Attribute("font-size")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(size, Is.LessThan(13));
        Assert.That(TextMetrics.Width(subtitle, size), Is.LessThanOrEqualTo(0.92 * (500 - 16)));
    }

    [Test]
    public void A_bar_label_without_room_above_its_bar_is_written_inside_it()
    {
        var chart = Chart.Column<double, string, string>(values: new[] { 1.0, 0.5 }, Keys: new[] { "voll", "halb" }, MultiText: new[] { "1,00", "0,50" })
            .WithYAxisStyle<double, double, string>(MinMax: Tuple.Create(0.0, 1.0));
        var svg = XDocument.Parse(chart.ToSvg());
        static double Attr(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var bars = svg.Descendants().Where(e => e.Name.LocalName == "rect" && e.Attribute("fill")?.Value == Palette.At(0))
            .OrderBy(e => Attr(e, "y")).ToList();                      // [full bar, half bar]
        double LabelY(string label) => Attr(svg.Descendants().Single(e => e.Name.LocalName == "text" && e.Value == label), "y");
        Assert.That(bars, Has.Count.EqualTo(2));
        Assert.That(LabelY("1,00"), Is.GreaterThan(Attr(bars[0], "y")), "inside the full bar, not over the title");
        Assert.That(LabelY("0,50"), Is.LessThan(Attr(bars[1], "y")), "above the half bar, where there is room");
    }

    [Test]
    public void Unnamed_traces_are_displayed_without_plotlys_trace_n_legend_entries()
    {
        GenericChart Bars() => Chart.Column<double, string, string>(values: new[] { 0.5, 0.25 }, Keys: new[] { "a", "b" });
        var chart = Chart.Grid([Bars(), Chart.Combine([Loss().WithTraceInfo(Name: "Test"), Bars()])], 1, 2);
        using var shown = JsonDocument.Parse(Formatter.ToMimeBundle(chart)[MimeBundle.Plotly]);
        var traces = shown.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.That(traces.Select(t => t.TryGetProperty("showlegend", out var v) ? v.GetBoolean() : (bool?)null),
            Is.EqualTo(new bool?[] { false, null, false }), "only the named trace keeps its legend entry");
    }

    [Test]
    public void Bars_on_a_log_axis_grow_from_the_bottom_of_the_axis()
    {
        var chart = Chart.Column<double, string, string>(values: new[] { 8e5, 1.2e8, 1.75e11 }, Keys: new[] { "klein", "mittel", "groß" })
            .WithYAxisStyle<double, double, string>(AxisType: StyleParam.AxisType.Log);
        var bars = XDocument.Parse(chart.ToSvg()).Descendants().Where(e => e.Name.LocalName == "rect" && e.Attribute("fill")?.Value == Palette.At(0))
            .Select(e => double.Parse(e.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(bars, Has.Count.EqualTo(3));
        Assert.That(bars, Is.Ordered.And.All.GreaterThan(0), "every bar is drawn, taller for more parameters");
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
    public void A_histogram_is_binned_for_the_svg_with_the_bin_count_plotly_was_given()
    {
        var chart = Chart.Histogram<double, double, string>(X: new[] { 0.0, 0.1, 0.1, 0.35, 0.9, 1.0 }, NBinsX: 5);
        var h = (HistogramTrace)chart.Model().Traces.Single();
        Assert.That((h.BinStart, h.BinSize), Is.EqualTo((0.0, 0.2)));
        // Bins are left-closed [a, b) as in plotly.js, so the maximum 1,0 opens a sixth bin.
        Assert.That(h.Counts, Is.EqualTo(new[] { 3, 1, 0, 0, 1, 1 }));
    }

    [Test]
    public void Ranges_titles_and_grid_panels_set_with_plotly_reach_the_svg()
    {
        var left = Loss().WithAxisTitles("Epoche", "Verlust")
            .WithXAxisStyle<double, double, string>(MinMax: Tuple.Create(-1.0, 5.0));
        var right = Chart.Column<double, string, string>(values: new[] { 0.5, 0.25 }, Keys: new[] { "der", "die" }, MultiText: new[] { "0,5", "0,25" });
        var figure = Chart.Grid([left, right], 1, 2, SubPlotTitles: new[] { "links", "rechts" }).WithTitle("Zwei", "Teilbilder").Model();
        Assert.That((figure.Rows, figure.Columns, figure.Title, figure.Subtitle), Is.EqualTo((1, 2, "Zwei", "Teilbilder")));
        Assert.That(figure.Subplots.Select(s => s.Title), Is.EqualTo(new[] { "links", "rechts" }));
        Assert.That((figure.Subplots[0].X.Title, figure.Subplots[0].X.Min, figure.Subplots[0].X.Max), Is.EqualTo(("Epoche", (double?)-1, (double?)5)));
        Assert.That(((BarTrace)figure.Subplots[1].Traces.Single()).Texts, Is.EqualTo(new[] { "0,5", "0,25" }));
    }

    [Test]
    public void A_trace_type_the_svg_cannot_draw_is_named_in_the_error()
    {
        var pie = Chart.Pie<double, string, string>(values: new[] { 1.0, 2.0 }, Labels: new[] { "a", "b" });
        var error = Assert.Throws<NotSupportedException>(() => pie.ToSvg());
        Assert.That(error!.Message, Does.Contain("\"pie\""));
    }

    [Test]
    public void Mismatched_inputs_get_a_message_that_names_the_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => ChartParts.ScatterByClass(new[] { 1.0, 2 }, new[] { 1.0 }, new[] { 0, 0 }, ["a"]));
        Assert.That(error!.Message, Does.Contain("x (2), y (1)"));
        error = Assert.Throws<ArgumentException>(() => ChartParts.Heatmap(new double[2, 2], ["a"], ["a", "b"], Colorscale.Viridis));
        Assert.That(error!.Message, Does.Contain("1 Spaltenbeschriftungen für 2 Spalten"));
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
