namespace GenAI.Plotting;

/// <summary>
/// One data series of a figure as the static renderer reads it from plotly JSON (plotly.js calls it a trace);
/// subclasses hold the data as double arrays.
/// </summary>
internal abstract class Trace
{
    /// <summary>Name shown in the legend and the hover box.</summary>
    public string? Name { get; set; }
    /// <summary>Fixed colour <c>#rrggbb</c>; null takes the next <see cref="Palette"/> colour.</summary>
    public string? Color { get; set; }
    /// <summary>Whether the trace gets a legend entry; null = when it has a name.</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>plotly.js trace type, e.g. "scatter".</summary>
    public abstract string PlotlyType { get; }

    /// <summary>Whether the trace takes a colour from the palette (heatmaps and images do not).</summary>
    internal virtual bool UsesPaletteColor => true;

    internal bool InLegend => ShowLegend ?? Name is not null;
}
