using GenAI.Plotting;
using Plotly.NET;
using Figure = GenAI.Plotting.Figure;

namespace GenAI.Tests.Plotting;

/// <summary>Reads a chart back the way the static renderer sees it, so tests can check what gets drawn.</summary>
internal static class ChartModel
{
    public static string Json(this GenericChart chart) => GenericChart.toFigureJson(chart);

    public static Figure Model(this GenericChart chart) => FigureJson.Read(chart.Json());

    public static string ToSvg(this Figure figure) => SvgRenderer.Render(figure);
}
