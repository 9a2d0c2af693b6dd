using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GenAI.Core;

namespace GenAI.Plotting;

/// <summary>
/// Serialises a <see cref="Figure"/> to plotly.js figure JSON (https://plotly.com/javascript/reference/),
/// the schema Plotly.NET emits: <c>{"data": [traces], "layout": {…}}</c>. Axis ranges, bins and colours are
/// written explicitly so plotly.js draws what the static SVG shows. Text stays readable UTF-8 (umlauts are not escaped).
/// </summary>
internal static class PlotlyJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Write(Figure figure)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            var domains = PanelDomains(figure);
            for (int p = 0; p < figure.Subplots.Count; p++)
                foreach (var trace in figure.Subplots[p].Traces) WriteTrace(w, figure, trace, p, domains[p]);
            w.WriteEndArray();
            WriteLayout(w, figure, domains);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal readonly record struct Domain(double X0, double X1, double Y0, double Y1);

    /// <summary>Paper-coordinate rectangle of each panel (row 0 at the top), with gaps for panel titles and colour bars.</summary>
    internal static Domain[] PanelDomains(Figure figure)
    {
        var result = new Domain[figure.Subplots.Count];
        double hGap = figure.Columns > 1 ? 0.12 : 0, vGap = figure.Rows > 1 ? 0.14 : 0;
        for (int i = 0; i < result.Length; i++)
        {
            int row = i / figure.Columns, col = i % figure.Columns;
            double w = 1.0 / figure.Columns, h = 1.0 / figure.Rows;
            double x0 = col * w + (col > 0 ? hGap / 2 : 0), x1 = (col + 1) * w - (col < figure.Columns - 1 ? hGap / 2 : 0);
            double top = 1 - row * h - (row > 0 ? vGap / 2 : 0), bottom = 1 - (row + 1) * h + (row < figure.Rows - 1 ? vGap / 2 : 0);
            result[i] = new Domain(Round(x0), Round(x1), Round(bottom), Round(top));
        }
        return result;
    }

    private static double Round(double v) => Math.Round(v, 4);

    private static string AxisId(char letter, int panel) => panel == 0 ? letter.ToString() : $"{letter}{panel + 1}";

    private static void WriteTrace(Utf8JsonWriter w, Figure figure, Trace trace, int panel, Domain domain)
    {
        w.WriteStartObject();
        w.WriteString("type", trace.PlotlyType);
        if (trace.Name is not null) w.WriteString("name", trace.Name);
        w.WriteBoolean("showlegend", trace.InLegend && figure.LegendVisible);
        if (panel > 0)
        {
            w.WriteString("xaxis", AxisId('x', panel));
            w.WriteString("yaxis", AxisId('y', panel));
        }
        string color = figure.ColorOf(trace);
        switch (trace)
        {
            case ScatterTrace s: WriteScatter(w, s, color, domain); break;
            case BarTrace b: WriteBar(w, b, color); break;
            case HistogramTrace h: WriteHistogram(w, h, color, TraceRenderer.HistogramOpacity(h, figure.Subplots[panel])); break;
            case HeatmapTrace h: WriteHeatmap(w, h, domain); break;
            case ImageTrace i: w.WriteString("source", i.DataUri); break;
        }
        w.WriteEndObject();
    }

    private static void WriteScatter(Utf8JsonWriter w, ScatterTrace s, string color, Domain domain)
    {
        string mode = s.Mode switch { ScatterMode.Lines => "lines", ScatterMode.LinesAndMarkers => "lines+markers", _ => "markers" };
        if (s.Text is not null) mode += "+text";
        w.WriteString("mode", mode);
        Numbers(w, "x", s.X);
        Numbers(w, "y", s.Y);
        if (s.Text is not null)
        {
            Strings(w, "text", s.Text);
            w.WriteString("textposition", "top center");
            w.WriteStartObject("textfont"); w.WriteNumber("size", 11); w.WriteString("color", Style.Text); w.WriteEndObject();
        }
        if (s.HasMarkers)
        {
            w.WriteStartObject("marker");
            if (s.ColorValues is not null)
            {
                Numbers(w, "color", s.ColorValues);
                WriteColorscale(w, s.Colorscale);
                w.WriteBoolean("showscale", true);
                WriteColorbar(w, s.ColorbarTitle, domain);
            }
            else w.WriteString("color", color);
            w.WriteNumber("size", s.MarkerSize);
            if (s.Opacity < 1) w.WriteNumber("opacity", s.Opacity);
            w.WriteStartObject("line"); w.WriteString("color", "#ffffff"); w.WriteNumber("width", 0.5); w.WriteEndObject();
            w.WriteEndObject();
        }
        if (s.HasLine)
        {
            w.WriteStartObject("line");
            w.WriteString("color", color);
            w.WriteNumber("width", s.LineWidth);
            if (s.Dashed) w.WriteString("dash", "dash");
            w.WriteEndObject();
        }
    }

    private static void WriteBar(Utf8JsonWriter w, BarTrace b, string color)
    {
        Strings(w, "x", b.Categories);
        Numbers(w, "y", b.Values);
        w.WriteStartObject("marker"); w.WriteString("color", color); w.WriteEndObject();
        if (b.Opacity < 1) w.WriteNumber("opacity", b.Opacity);
        if (b.ShowValues)
        {
            Strings(w, "text", b.Values.Select(v => GermanNumber.Format(v, b.Decimals)));
            w.WriteString("textposition", "outside");
        }
    }

    private static void WriteHistogram(Utf8JsonWriter w, HistogramTrace h, string color, double opacity)
    {
        Numbers(w, "x", h.Values);
        w.WriteBoolean("autobinx", false);
        w.WriteStartObject("xbins");
        w.WriteNumber("start", h.BinStart); w.WriteNumber("end", h.BinEnd); w.WriteNumber("size", h.BinSize);
        w.WriteEndObject();
        w.WriteString("histnorm", h.Norm switch { HistogramNorm.Probability => "probability", HistogramNorm.Density => "probability density", _ => "" });
        w.WriteStartObject("marker");
        w.WriteString("color", color);
        w.WriteStartObject("line"); w.WriteString("color", "#ffffff"); w.WriteNumber("width", 1); w.WriteEndObject();
        w.WriteEndObject();
        if (opacity < 1) w.WriteNumber("opacity", opacity);
    }

    private static void WriteHeatmap(Utf8JsonWriter w, HeatmapTrace h, Domain domain)
    {
        w.WriteStartArray("z");
        for (int i = 0; i < h.Rows; i++)
        {
            w.WriteStartArray();
            for (int j = 0; j < h.Columns; j++) Number(w, h.Z[i, j]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        Strings(w, "x", h.ColumnNames);
        Strings(w, "y", h.RowNames);
        var (min, max) = h.Range();
        w.WriteNumber("zmin", min);
        w.WriteNumber("zmax", max);
        WriteColorscale(w, h.Colorscale);
        w.WriteBoolean("showscale", h.ShowScale);
        if (h.ShowScale) WriteColorbar(w, h.ColorbarTitle, domain);
        w.WriteNumber("xgap", 1);
        w.WriteNumber("ygap", 1);
        w.WriteString("hovertemplate", "%{y} · %{x}: %{z}<extra></extra>");
        if (h.Annotate)
        {
            w.WriteStartArray("text");
            for (int i = 0; i < h.Rows; i++)
            {
                w.WriteStartArray();
                for (int j = 0; j < h.Columns; j++) w.WriteStringValue(GermanNumber.Format(h.Z[i, j], h.Decimals));
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteString("texttemplate", "%{text}");
        }
    }

    private static void WriteColorscale(Utf8JsonWriter w, Colorscale scale)
    {
        w.WriteStartArray("colorscale");
        foreach (var (position, color) in scale.Stops)
        {
            w.WriteStartArray(); w.WriteNumberValue(Round(position)); w.WriteStringValue(color); w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void WriteColorbar(Utf8JsonWriter w, string? title, Domain domain)
    {
        w.WriteStartObject("colorbar");
        if (title is not null)
        {
            w.WriteStartObject("title"); w.WriteString("text", title);
            w.WriteStartObject("font"); w.WriteNumber("size", Style.TickFont); w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteStartObject("tickfont"); w.WriteNumber("size", Style.TickFont); w.WriteEndObject();
        w.WriteNumber("x", Round(domain.X1 + 0.02));
        w.WriteNumber("y", Round((domain.Y0 + domain.Y1) / 2));
        w.WriteNumber("len", Round(domain.Y1 - domain.Y0));
        w.WriteNumber("thickness", 14);
        w.WriteNumber("outlinewidth", 0);
        w.WriteBoolean("separatethousands", true);
        w.WriteString("exponentformat", "none");
        w.WriteEndObject();
    }

    private static void WriteLayout(Utf8JsonWriter w, Figure figure, Domain[] domains)
    {
        w.WriteStartObject("layout");
        w.WriteNumber("width", figure.Width);
        w.WriteNumber("height", figure.Height);
        w.WriteString("separators", ",.");
        w.WriteString("paper_bgcolor", Style.Background);
        w.WriteString("plot_bgcolor", Style.Background);
        w.WriteStartObject("font");
        w.WriteString("family", Style.FontFamily); w.WriteNumber("size", 13); w.WriteString("color", Style.Text);
        w.WriteEndObject();
        Strings(w, "colorway", Palette.Colors);
        w.WriteString("hovermode", "closest");
        if (figure.Title is not null)
        {
            w.WriteStartObject("title");
            w.WriteString("text", figure.Title);
            w.WriteNumber("x", 0.5);
            w.WriteStartObject("font"); w.WriteNumber("size", Style.TitleFont); w.WriteEndObject();
            if (figure.Subtitle is not null) { w.WriteStartObject("subtitle"); w.WriteString("text", figure.Subtitle); w.WriteEndObject(); }
            w.WriteEndObject();
        }
        w.WriteStartObject("margin");
        w.WriteNumber("t", figure.Title is null ? 30 : figure.Subtitle is null ? 60 : 80);
        // Pictures need no room for tick labels and axis titles.
        bool pictures = figure.Subplots.All(s => s.Traces.Count > 0 && s.Traces.All(t => t is ImageTrace));
        w.WriteNumber("l", pictures ? 20 : 70); w.WriteNumber("r", pictures ? 20 : 30); w.WriteNumber("b", pictures ? 20 : 60);
        w.WriteEndObject();
        w.WriteBoolean("showlegend", figure.LegendVisible);
        if (figure.LegendVisible)
        {
            w.WriteStartObject("legend");
            if (figure.LegendTitle is not null)
            {
                w.WriteStartObject("title"); w.WriteString("text", figure.LegendTitle);
                w.WriteStartObject("font"); w.WriteNumber("size", Style.LegendFont); w.WriteString("weight", "bold"); w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteStartObject("font"); w.WriteNumber("size", Style.LegendFont); w.WriteEndObject();
            w.WriteNumber("x", 1.02); w.WriteString("xanchor", "left"); w.WriteNumber("y", 1); w.WriteString("yanchor", "top");
            w.WriteEndObject();
        }
        var histograms = figure.Subplots.Max(s => s.Traces.Count(t => t is HistogramTrace));
        var bars = figure.Subplots.Max(s => s.Traces.Count(t => t is BarTrace));
        if (histograms > 1) w.WriteString("barmode", "overlay");
        else if (bars > 1) w.WriteString("barmode", "group");

        for (int p = 0; p < figure.Subplots.Count; p++)
        {
            var (x, y) = AxisSpec.For(figure.Subplots[p]);
            WriteAxis(w, "xaxis" + (p == 0 ? "" : (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                x, AxisId('y', p), domains[p].X0, domains[p].X1);
            WriteAxis(w, "yaxis" + (p == 0 ? "" : (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                y, AxisId('x', p), domains[p].Y0, domains[p].Y1);
        }

        var titled = Enumerable.Range(0, figure.Subplots.Count).Where(p => figure.Subplots[p].Title is not null).ToList();
        if (titled.Count > 0)
        {
            w.WriteStartArray("annotations");
            foreach (int p in titled)
            {
                w.WriteStartObject();
                w.WriteString("text", figure.Subplots[p].Title);
                w.WriteString("xref", "paper"); w.WriteString("yref", "paper");
                w.WriteNumber("x", Round((domains[p].X0 + domains[p].X1) / 2));
                w.WriteNumber("y", domains[p].Y1);
                w.WriteString("xanchor", "center"); w.WriteString("yanchor", "bottom");
                w.WriteNumber("yshift", 6);
                w.WriteBoolean("showarrow", false);
                w.WriteStartObject("font"); w.WriteNumber("size", Style.PanelTitleFont); w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteAxis(Utf8JsonWriter w, string key, AxisSpec axis, string anchor, double d0, double d1)
    {
        w.WriteStartObject(key);
        w.WriteString("anchor", anchor);
        w.WriteStartArray("domain"); w.WriteNumberValue(d0); w.WriteNumberValue(d1); w.WriteEndArray();
        if (!axis.Visible)
        {
            w.WriteBoolean("visible", false);
        }
        if (axis.Title is not null)
        {
            w.WriteStartObject("title"); w.WriteString("text", axis.Title);
            w.WriteStartObject("font"); w.WriteNumber("size", Style.AxisTitleFont); w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteStartObject("tickfont"); w.WriteNumber("size", Style.TickFont); w.WriteEndObject();
        if (axis.Categorical)
        {
            w.WriteString("type", "category");
            if (axis.Reversed) w.WriteString("autorange", "reversed");
            w.WriteBoolean("showgrid", false);
        }
        else
        {
            if (axis.Log) w.WriteString("type", "log");
            double lo = axis.Log ? Math.Log10(axis.Min) : axis.Min, hi = axis.Log ? Math.Log10(axis.Max) : axis.Max;
            w.WriteStartArray("range");
            Number(w, axis.Reversed ? hi : lo);
            Number(w, axis.Reversed ? lo : hi);
            w.WriteEndArray();
            w.WriteBoolean("showgrid", true);
            w.WriteString("gridcolor", Style.Grid);
        }
        w.WriteBoolean("zeroline", false);
        w.WriteBoolean("showline", true);
        w.WriteString("linecolor", Style.AxisLine);
        w.WriteString("ticks", "outside");
        w.WriteString("tickcolor", Style.AxisLine);
        w.WriteBoolean("separatethousands", true);
        // Linear axes write numbers out (1.000, 0,25); log axes may span 10⁻¹⁵ … 1, so they use powers of ten like the SVG.
        w.WriteString("exponentformat", axis.Log ? "power" : "none");
        w.WriteBoolean("automargin", true);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, double v)
    {
        // JSON has no NaN/Infinity; plotly.js treats null as a gap.
        if (double.IsFinite(v)) w.WriteNumberValue(v); else w.WriteNullValue();
    }

    private static void Numbers(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) Number(w, v);
        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
