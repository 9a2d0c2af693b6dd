namespace GenAI.Plotting;

/// <summary>
/// Axis ticks at "nice" numbers: steps of 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers
/// for graph labels", Graphics Gems 1990), so labels read 0; 0,2; 0,4 … or 0; 500; 1.000 ….
/// </summary>
public static class NiceTicks
{
    /// <summary>The smallest 1-2-5 step that puts at most <paramref name="maxTicks"/> intervals into <paramref name="span"/>.</summary>
    public static double Step(double span, int maxTicks)
    {
        if (!(span > 0) || double.IsInfinity(span)) return 1;
        double raw = span / Math.Max(1, maxTicks);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double m in (ReadOnlySpan<double>)[1, 2, 5, 10])
            if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
        return 10 * magnitude;
    }

    /// <summary>
    /// The 1-2-5 step nearest to <paramref name="span"/>/<paramref name="ticks"/> (Heckbert's rounding
    /// thresholds 1,5 / 3 / 7), so a short axis still gets three to six labelled ticks.
    /// </summary>
    public static double RoundedStep(double span, int ticks)
    {
        if (!(span > 0) || double.IsInfinity(span)) return 1;
        double raw = span / Math.Max(1, ticks);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / magnitude;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>Tick values inside [min, max] at multiples of a rounded 1-2-5 step, and the decimals their labels need.</summary>
    public static (double[] Values, int Decimals) Compute(double min, double max, int ticks)
    {
        if (min > max) (min, max) = (max, min);
        double step = RoundedStep(max - min, ticks);
        long first = (long)Math.Ceiling(min / step - 1e-9);
        long last = (long)Math.Floor(max / step + 1e-9);
        var values = new List<double>();
        for (long k = first; k <= last && values.Count < 100; k++) values.Add(k * step);
        return ([.. values], DecimalsFor(step));
    }

    /// <summary>Decimals needed to print multiples of <paramref name="step"/> exactly (0,2 → 1; 0,05 → 2; 5 → 0).</summary>
    public static int DecimalsFor(double step) =>
        step <= 0 ? 0 : Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));
}
