using System.Text;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Plotting;

/// <summary>
/// A figure: one or more panels (<see cref="Subplot"/>s in a grid) with a title, a size and a legend.
/// Build it with <see cref="Chart"/> and the fluent <c>With…</c> methods (they change this figure and
/// return it). Displayed in a notebook it offers interactive plotly.js HTML, the plotly JSON, a static
/// SVG drawn by our own renderer (what GitHub and printed handouts show) and a line of plain text.
/// </summary>
public sealed class Figure : IDisplayable
{
    internal Figure(IEnumerable<Subplot> subplots, int rows, int columns)
    {
        Subplots = [.. subplots];
        Rows = rows;
        Columns = columns;
        if (Subplots.Count == 0) throw new ArgumentException("Eine Abbildung braucht mindestens ein Teilbild.", nameof(subplots));
        if (Subplots.Count > rows * columns)
            throw new ArgumentException($"{Subplots.Count} Teilbilder passen nicht in ein Raster aus {rows}×{columns}.", nameof(subplots));
    }

    internal Figure(Trace trace) : this([new Subplot { Traces = { trace } }], 1, 1) { }

    /// <summary>The panels, row by row.</summary>
    public IReadOnlyList<Subplot> Subplots { get; }
    /// <summary>Rows of the panel grid.</summary>
    public int Rows { get; }
    /// <summary>Columns of the panel grid.</summary>
    public int Columns { get; }
    /// <summary>Figure title.</summary>
    public string? Title { get; set; }
    /// <summary>Smaller second line under the title (e.g. explained variance of a PCA).</summary>
    public string? Subtitle { get; set; }
    /// <summary>Width in pixels.</summary>
    public int Width { get; set; } = 640;
    /// <summary>Height in pixels.</summary>
    public int Height { get; set; } = 440;
    /// <summary>Legend on or off; null = on when two or more traces have names.</summary>
    public bool? ShowLegend { get; set; }
    /// <summary>Heading over the legend entries (e.g. "Klasse").</summary>
    public string? LegendTitle { get; set; }

    /// <summary>All traces of all panels.</summary>
    public IEnumerable<Trace> Traces => Subplots.SelectMany(s => s.Traces);

    /// <summary>Sets the title and an optional subtitle.</summary>
    public Figure WithTitle(string title, string? subtitle = null)
    {
        Title = title;
        Subtitle = subtitle ?? Subtitle;
        return this;
    }

    /// <summary>Sets the x axis of every panel: title, and optionally a fixed range or log scale.</summary>
    public Figure WithXAxis(string? title = null, double? min = null, double? max = null, bool? logarithmic = null)
    {
        foreach (var s in Subplots) Configure(s.X, title, min, max, logarithmic);
        return this;
    }

    /// <summary>Sets the y axis of every panel: title, and optionally a fixed range or log scale.</summary>
    public Figure WithYAxis(string? title = null, double? min = null, double? max = null, bool? logarithmic = null)
    {
        foreach (var s in Subplots) Configure(s.Y, title, min, max, logarithmic);
        return this;
    }

    private static void Configure(Axis axis, string? title, double? min, double? max, bool? logarithmic)
    {
        axis.Title = title ?? axis.Title;
        axis.Min = min ?? axis.Min;
        axis.Max = max ?? axis.Max;
        axis.Logarithmic = logarithmic ?? axis.Logarithmic;
    }

    /// <summary>Sets the size in pixels.</summary>
    public Figure WithSize(int width, int height)
    {
        if (width < 120 || height < 100)
            throw new ArgumentOutOfRangeException(nameof(width), $"Eine Abbildung braucht mindestens 120×100 Pixel, nicht {width}×{height}.");
        Width = width;
        Height = height;
        return this;
    }

    /// <summary>Shows or hides the legend, optionally with a heading.</summary>
    public Figure WithLegend(bool show = true, string? title = null)
    {
        ShowLegend = show;
        LegendTitle = title ?? LegendTitle;
        return this;
    }

    internal bool LegendVisible => ShowLegend ?? Traces.Count(t => t.InLegend) >= 2;

    /// <summary>Palette colour of each trace without a fixed colour, in figure order (plotly's colorway rule).</summary>
    internal string ColorOf(Trace trace)
    {
        if (trace.Color is not null) return trace.Color;
        int index = 0;
        foreach (var t in Traces)
        {
            if (ReferenceEquals(t, trace)) return Palette.At(index);
            if (t.UsesPaletteColor && t.Color is null) index++;
        }
        return Palette.At(0);
    }

    /// <summary>The plotly.js figure JSON (<c>{"data": […], "layout": {…}}</c>), UTF-8 text.</summary>
    public string ToPlotlyJson() => PlotlyJson.Write(this);

    /// <summary>The static SVG image drawn by our own renderer.</summary>
    public string ToSvg() => SvgRenderer.Render(this);

    /// <summary>An HTML fragment for notebooks: the static SVG, replaced by the interactive plotly.js figure once plotly.js loads.</summary>
    public string ToHtml() => PlotlyHtml.Fragment(this);

    /// <summary>A complete HTML page; with <paramref name="plotlyJsPath"/> plotly.js is inlined so the page works offline.</summary>
    public string ToHtmlPage(string? plotlyJsPath = null) => PlotlyHtml.Page(this, plotlyJsPath);

    /// <summary>Writes the SVG to a file (atomically: temp file, then rename).</summary>
    public void SaveSvg(string path) => AtomicFile.WriteAllText(path, ToSvg());

    /// <summary>Writes a standalone HTML page to a file (atomically).</summary>
    public void SaveHtml(string path, string? plotlyJsPath = null) => AtomicFile.WriteAllText(path, ToHtmlPage(plotlyJsPath));

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle() => new MimeBundle()
        .Add(MimeBundle.TextHtml, ToHtml())
        .Add(MimeBundle.Plotly, ToPlotlyJson())
        .Add(MimeBundle.ImageSvg, ToSvg())
        .Add(MimeBundle.TextPlain, ToString());

    /// <summary>A one-line description, e.g. <c>Abbildung „Verlust“: Linie (1 Datenreihe), 640×440</c>.</summary>
    public override string ToString()
    {
        var kinds = Traces.Select(t => t switch
        {
            ScatterTrace { Mode: ScatterMode.Markers } => "Streudiagramm",
            ScatterTrace => "Linie",
            BarTrace => "Balken",
            HistogramTrace => "Histogramm",
            HeatmapTrace => "Heatmap",
            ImageTrace => "Bild",
            _ => t.PlotlyType,
        }).Distinct();
        int count = Traces.Count();
        var text = new StringBuilder("Abbildung");
        if (Title is not null) text.Append(" „").Append(Title).Append('“');
        text.Append(": ").Append(string.Join(", ", kinds));
        text.Append(" (").Append(count).Append(count == 1 ? " Datenreihe" : " Datenreihen");
        if (Subplots.Count > 1) text.Append(", ").Append(Rows).Append('×').Append(Columns).Append(" Teilbilder");
        text.Append("), ").Append(Width).Append('×').Append(Height);
        return text.ToString();
    }
}
