namespace GenAI.Plotting;

/// <summary>
/// A matrix as coloured cells, row 0 at the top (as matrices are written), optionally with each
/// value printed in its cell. For similarity and attention matrices, confusion matrices, weights.
/// </summary>
internal sealed class HeatmapTrace : Trace
{
    /// <summary>Creates a heatmap of <paramref name="z"/>, shape [rows, columns].</summary>
    public HeatmapTrace(double[,] z)
    {
        if (z.GetLength(0) == 0 || z.GetLength(1) == 0) throw new ArgumentException("Eine Heatmap braucht mindestens eine Zeile und eine Spalte.", nameof(z));
        Z = z;
    }

    /// <summary>The values, shape [rows, columns].</summary>
    public double[,] Z { get; }
    /// <summary>Column labels (x); null = 0, 1, 2 ….</summary>
    public string[]? ColumnLabels { get; set; }
    /// <summary>Row labels (y); null = 0, 1, 2 ….</summary>
    public string[]? RowLabels { get; set; }
    /// <summary>Colour scale.</summary>
    public Colorscale Colorscale { get; set; } = Colorscale.Viridis;
    /// <summary>Value at the bottom of the colour scale; null = smallest value.</summary>
    public double? ZMin { get; set; }
    /// <summary>Value at the top of the colour scale; null = largest value.</summary>
    public double? ZMax { get; set; }
    /// <summary>Text printed in each cell, shape [rows, columns] (plotly's <c>text</c> with <c>texttemplate</c>); null = none.</summary>
    public string[,]? CellTexts { get; set; }
    /// <summary>Title of the colour bar.</summary>
    public string? ColorbarTitle { get; set; }
    /// <summary>Whether to draw the colour bar.</summary>
    public bool ShowScale { get; set; } = true;

    /// <inheritdoc/>
    public override string PlotlyType => "heatmap";
    internal override bool UsesPaletteColor => false;

    internal int Rows => Z.GetLength(0);
    internal int Columns => Z.GetLength(1);

    internal string[] ColumnNames =>
        ColumnLabels ?? [.. Enumerable.Range(0, Columns).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    internal string[] RowNames => RowLabels ?? [.. Enumerable.Range(0, Rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    internal (double Min, double Max) Range()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in Z) if (double.IsFinite(v)) { min = Math.Min(min, v); max = Math.Max(max, v); }
        if (double.IsInfinity(min)) (min, max) = (0, 1);
        min = ZMin ?? min;
        max = ZMax ?? max;
        if (max <= min) max = min + 1;
        return (min, max);
    }
}
