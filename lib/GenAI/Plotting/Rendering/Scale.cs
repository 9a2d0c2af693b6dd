using GenAI.Core;

namespace GenAI.Plotting;

/// <summary>
/// Maps data values of one axis to pixels. Categorical axes use index coordinates (category i at i,
/// range −0.5…n−0.5), exactly as plotly.js does, so one linear map serves both kinds.
/// </summary>
internal sealed class Scale(AxisSpec spec, double pixelAtMin, double pixelAtMax)
{
    public AxisSpec Spec { get; } = spec;
    private readonly double _p0 = spec.Reversed ? pixelAtMax : pixelAtMin;
    private readonly double _p1 = spec.Reversed ? pixelAtMin : pixelAtMax;
    private readonly double _lo = spec.Log ? Math.Log10(spec.Min) : spec.Min;
    private readonly double _hi = spec.Log ? Math.Log10(spec.Max) : spec.Max;

    public double Map(double value)
    {
        double v = Spec.Log ? (value > 0 ? Math.Log10(value) : double.NaN) : value;
        return _p0 + (v - _lo) / (_hi - _lo) * (_p1 - _p0);
    }

    /// <summary>Pixel width of one category band (or of one unit for linear axes).</summary>
    public double Band => Math.Abs(_p1 - _p0) / (_hi - _lo);

    public double Length => Math.Abs(_p1 - _p0);

    /// <summary>Tick positions and labels; at most about <paramref name="maxTicks"/> of them.</summary>
    public List<(double Value, string Label)> Ticks(int maxTicks)
    {
        var ticks = new List<(double, string)>();
        if (Spec.Categorical)
        {
            int n = Spec.Categories.Length;
            int every = Math.Max(1, (int)Math.Ceiling(n / (double)Math.Max(1, maxTicks)));
            for (int i = 0; i < n; i += every) ticks.Add((i, Spec.Categories[i]));
            return ticks;
        }
        if (Spec.Log)
        {
            int first = (int)Math.Ceiling(_lo - 1e-9), last = (int)Math.Floor(_hi + 1e-9);
            int every = Math.Max(1, (int)Math.Ceiling((last - first + 1) / (double)Math.Max(1, maxTicks)));
            for (int k = first; k <= last; k += every)
                ticks.Add((Math.Pow(10, k), GermanNumber.PowerOfTen(k)));
            return ticks;
        }
        var (values, decimals) = NiceTicks.Compute(Spec.Min, Spec.Max, maxTicks);
        foreach (double v in values) ticks.Add((v, GermanNumber.Format(v, decimals)));
        return ticks;
    }
}
