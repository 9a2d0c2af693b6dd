using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAI.Core;
using GenAI.Display;
using Plotly.NET;

namespace GenAI.Plotting;

/// <summary>
/// What a Plotly.NET chart becomes outside a browser with plotly.js: a static SVG drawn by our renderer from the
/// chart's figure JSON (GitHub, printed handouts and offline pages show it), HTML that upgrades to the interactive
/// figure once plotly.js is there, and the notebook display bundle that carries all of them.
/// </summary>
public static class ChartOutput
{
    /// <summary>The static SVG image of <paramref name="chart"/>, drawn by the course's renderer.</summary>
    public static string ToSvg(this GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return SvgRenderer.Render(FigureJson.Read(DisplayJson(chart)));
    }

    /// <summary>
    /// The figure JSON a chart is displayed with: Plotly.NET's, except that a trace without a name gets
    /// <c>showlegend: false</c> (unless it sets it itself). plotly.js would otherwise list it as "trace 0", "trace 1" …,
    /// where the static SVG, like a reader, has nothing to call it.
    /// </summary>
    internal static string DisplayJson(GenericChart chart)
    {
        string json = GenericChart.toFigureJson(chart);
        var figure = JsonNode.Parse(json)!.AsObject();
        if (figure["data"] is not JsonArray traces) return json;
        bool changed = false;
        foreach (var trace in traces.OfType<JsonObject>())
        {
            if (trace.ContainsKey("name") || trace.ContainsKey("showlegend")) continue;
            trace["showlegend"] = false;
            changed = true;
        }
        return changed ? figure.ToJsonString(Compact) : json;
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An HTML fragment: the static SVG, replaced by the interactive plotly.js figure once plotly.js loads.</summary>
    public static string ToHtml(this GenericChart chart) => PlotlyHtml.Fragment(chart);

    /// <summary>A complete HTML page; with <paramref name="plotlyJsPath"/> plotly.js is inlined so the page works offline.</summary>
    public static string ToHtmlPage(this GenericChart chart, string? plotlyJsPath = null) => PlotlyHtml.Page(chart, plotlyJsPath);

    /// <summary>Writes the SVG to a file (atomically: temp file, then rename).</summary>
    public static void SaveSvg(this GenericChart chart, string path) => AtomicFile.WriteAllText(path, chart.ToSvg());

    /// <summary>Writes a standalone HTML page to a file (atomically).</summary>
    public static void SaveHtmlPage(this GenericChart chart, string path, string? plotlyJsPath = null) =>
        AtomicFile.WriteAllText(path, chart.ToHtmlPage(plotlyJsPath));

    /// <summary>
    /// The notebook display of a chart: interactive HTML (with the SVG inside until plotly.js draws), the plotly
    /// JSON (what JupyterLab's plotly renderer and our exporter read), the SVG and a line of text.
    /// </summary>
    public static MimeBundle ToMimeBundle(this GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        string json = DisplayJson(chart);
        var figure = FigureJson.Read(json);
        string svg = SvgRenderer.Render(figure);
        return new MimeBundle()
            .Add(MimeBundle.TextHtml, PlotlyHtml.Fragment(json, figure, svg))
            .Add(MimeBundle.Plotly, json)
            .Add(MimeBundle.ImageSvg, svg)
            .Add(MimeBundle.TextPlain, figure.ToString());
    }
}
