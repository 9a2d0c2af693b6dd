using System.Text.Json;
using GenAI.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GenAI.Tests.Plotting;

public class ChartStyleTests
{
    private static GenericChart Points() => Chart.Point<double, double, string>(x: [1.0, 2.0], y: [3.0, 4.0]);

    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement;

    [Test]
    public void Title_and_subtitle_land_where_plotly_js_reads_them()
    {
        var layout = Figure(Points().WithTitle("Verlust", "beim Training")).GetProperty("layout");
        Assert.That(layout.GetProperty("title").GetProperty("text").GetString(), Is.EqualTo("Verlust"));
        Assert.That(layout.GetProperty("title").GetProperty("subtitle").GetProperty("text").GetString(), Is.EqualTo("beim Training"));
    }

    [Test]
    public void Axis_titles_set_both_axes_and_null_leaves_one_alone()
    {
        var layout = Figure(Points().WithAxisTitles("Schritt", "Verlust").WithAxisTitles(null, "nats")).GetProperty("layout");
        Assert.That(layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString(), Is.EqualTo("Schritt"));
        Assert.That(layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString(), Is.EqualTo("nats"));
    }

    [Test]
    public void Legend_title_turns_the_legend_on()
    {
        var layout = Figure(Points().WithLegendTitle("Klasse")).GetProperty("layout");
        Assert.That(layout.GetProperty("legend").GetProperty("title").GetProperty("text").GetString(), Is.EqualTo("Klasse"));
        Assert.That(layout.GetProperty("showlegend").GetBoolean(), Is.True);
    }

    [Test]
    public void Layout_and_trace_properties_reach_the_figure_json()
    {
        var figure = Figure(Points().WithLayoutProperty("bargap", 0.3).WithTraceProperty("texttemplate", "%{y}"));
        Assert.That(figure.GetProperty("layout").GetProperty("bargap").GetDouble(), Is.EqualTo(0.3));
        Assert.That(figure.GetProperty("data")[0].GetProperty("texttemplate").GetString(), Is.EqualTo("%{y}"));
    }

    [Test]
    public void Styling_changes_the_chart_passed_in_as_plotly_nets_own_With_calls_do()
    {
        // Oracle: Plotly.NET's own WithXAxisStyle / WithTraceInfo change the input chart too; ChartStyle follows that contract.
        var plotly = Points();
        _ = plotly.WithXAxisStyle<double, double, string>(TitleText: "x").WithTraceInfo(Name: "Punkte");
        var ours = Points();
        _ = ours.WithAxisTitles("x").WithTraceProperty("name", "Punkte");
        Assert.That(GenericChart.toFigureJson(plotly), Does.Contain("\"Punkte\"").And.Contain("\"x\""), "Plotly.NET's contract");
        Assert.That(GenericChart.toFigureJson(ours), Does.Contain("\"Punkte\"").And.Contain("\"x\""), "ours matches it");
    }
}
