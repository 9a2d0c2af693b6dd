namespace GenAI.Plotting;

/// <summary>What the bar heights of a histogram mean.</summary>
internal enum HistogramNorm
{
    /// <summary>Number of values per bin.</summary>
    Count,
    /// <summary>Fraction of values per bin (sums to 1).</summary>
    Probability,
    /// <summary>Probability density: fraction divided by bin width (area 1), comparable with a density curve.</summary>
    Density,
}

/// <summary>
/// A histogram. Bins are computed here (not left to plotly.js) so the interactive and the static
/// figure show the same bars: equal widths of a 1-2-5 step, edges at multiples of the width.
/// </summary>
internal sealed class HistogramTrace : Trace
{
    /// <summary>Bins <paramref name="values"/> (NaN ignored) into about <paramref name="bins"/> bins (null: √n, 5…50).</summary>
    public HistogramTrace(double[] values, int? bins = null)
    {
        Values = values;
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) throw new ArgumentException("Ein Histogramm braucht mindestens einen endlichen Wert.", nameof(values));
        if (bins is < 1) throw new ArgumentOutOfRangeException(nameof(bins), "Ein Histogramm braucht mindestens einen Behälter (bins ≥ 1).");
        double min = finite.Min(), max = finite.Max();
        int target = bins ?? Math.Clamp((int)Math.Ceiling(Math.Sqrt(finite.Length)), 5, 50);
        BinSize = max > min ? NiceTicks.Step(max - min, target) : 1;
        BinStart = Math.Floor(min / BinSize) * BinSize;
        int count = Math.Max(1, (int)Math.Floor((max - BinStart) / BinSize + 1e-9) + 1);
        Counts = new int[count];
        foreach (double v in finite) Counts[Math.Min(count - 1, (int)Math.Floor((v - BinStart) / BinSize + 1e-9))]++;
        Total = finite.Length;
    }

    /// <summary>The raw values (plotly.js bins them again with the same edges).</summary>
    public double[] Values { get; }
    /// <summary>Left edge of the first bin.</summary>
    public double BinStart { get; }
    /// <summary>Bin width.</summary>
    public double BinSize { get; }
    /// <summary>Values per bin.</summary>
    public int[] Counts { get; }
    /// <summary>Number of finite values.</summary>
    public int Total { get; }
    /// <summary>Right edge of the last bin.</summary>
    public double BinEnd => BinStart + Counts.Length * BinSize;
    /// <summary>Count, probability or density.</summary>
    public HistogramNorm Norm { get; set; } = HistogramNorm.Count;
    /// <summary>Opacity 0…1 (overlaid histograms use 0,6).</summary>
    public double Opacity { get; set; } = 1;

    /// <summary>Height of bin <paramref name="i"/> under <see cref="Norm"/>.</summary>
    public double Height(int i) => Norm switch
    {
        HistogramNorm.Probability => (double)Counts[i] / Total,
        HistogramNorm.Density => Counts[i] / (Total * BinSize),
        _ => Counts[i],
    };

    /// <inheritdoc/>
    public override string PlotlyType => "histogram";
}
