using System.Text;

namespace GenAI.Plotting;

/// <summary>
/// What the static SVG renderer draws: a chart's figure JSON read back (<see cref="FigureJson"/>) into panels
/// (<see cref="Subplot"/>s in a grid) with a title, a size and a legend. Charts themselves are Plotly.NET
/// <c>GenericChart</c>s; this model is internal to the renderer.
/// </summary>
internal sealed class Figure
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
