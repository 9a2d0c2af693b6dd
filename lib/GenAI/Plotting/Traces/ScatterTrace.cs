namespace GenAI.Plotting;

/// <summary>How a scatter trace draws its points.</summary>
internal enum ScatterMode
{
    /// <summary>Only markers (a point cloud).</summary>
    Markers,
    /// <summary>Only a connecting line (a curve).</summary>
    Lines,
    /// <summary>A line with markers at the points.</summary>
    LinesAndMarkers,
}

/// <summary>Points (x, y) as markers and/or a line; optional text labels and colour by value with a colour bar.</summary>
internal sealed class ScatterTrace : Trace
{
    /// <summary>Creates a trace; x and y must have the same length.</summary>
    public ScatterTrace(double[] x, double[] y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"x hat {x.Length} Werte, y hat {y.Length}: beide brauchen gleich viele.", nameof(y));
        X = x;
        Y = y;
    }

    /// <summary>x coordinates.</summary>
    public double[] X { get; }
    /// <summary>y coordinates.</summary>
    public double[] Y { get; }
    /// <summary>Markers, lines or both.</summary>
    public ScatterMode Mode { get; set; } = ScatterMode.Markers;
    /// <summary>One label per point, drawn above it (e.g. words in a 2-D embedding plot).</summary>
    public string[]? Text { get; set; }
    /// <summary>One value per point mapped through <see cref="Colorscale"/>, with a colour bar.</summary>
    public double[]? ColorValues { get; set; }
    /// <summary>Colour scale for <see cref="ColorValues"/>.</summary>
    public Colorscale Colorscale { get; set; } = Colorscale.Viridis;
    /// <summary>Title of the colour bar.</summary>
    public string? ColorbarTitle { get; set; }
    /// <summary>Marker diameter in pixels.</summary>
    public double MarkerSize { get; set; } = 7;
    /// <summary>Opacity 0…1 (lower values help with thousands of overlapping points).</summary>
    public double Opacity { get; set; } = 1;
    /// <summary>Line width in pixels.</summary>
    public double LineWidth { get; set; } = 2;
    /// <summary>Draws the line dashed.</summary>
    public bool Dashed { get; set; }

    /// <inheritdoc/>
    public override string PlotlyType => "scatter";

    internal bool HasMarkers => Mode != ScatterMode.Lines;
    internal bool HasLine => Mode != ScatterMode.Markers;
}
