namespace GenAI.Cli.Figures;

/// <summary>
/// The toy "world" of chapter 00: points on two noisy half moons. The same formulas as the notebook,
/// so the figure in images/ matches what the chapter computes.
/// </summary>
internal static class TwoMoons
{
    public const double XMin = -1.5, XMax = 2.5, YMin = -1.0, YMax = 1.5;

    /// <summary>One point; Moon = 0 upper, 1 lower half moon (the library's generator, σ = 0.1).</summary>
    public static (double X, double Y, int Moon) Sample(Random r) => GenAI.Data.TwoMoons.Sample(r);

    /// <summary>
    /// The chapter's counting model: a bins×bins histogram of the points, and a sampler that draws a
    /// cell with probability count/total and then a uniform point inside it.
    /// </summary>
    public static Func<(double X, double Y)> FitHistogram(IEnumerable<(double X, double Y, int Moon)> points, int bins, Random r)
    {
        int Cell(double v, double min, double max) => Math.Clamp((int)((v - min) / (max - min) * bins), 0, bins - 1);
        var counts = new double[bins * bins];
        foreach (var (x, y, _) in points) counts[Cell(y, YMin, YMax) * bins + Cell(x, XMin, XMax)]++;
        double total = counts.Sum();
        return () =>
        {
            double u = r.NextDouble() * total, cumulative = 0;
            int k = 0;
            for (; k < counts.Length - 1; k++) { cumulative += counts[k]; if (u < cumulative) break; }
            return (XMin + (k % bins + r.NextDouble()) * (XMax - XMin) / bins,
                    YMin + (k / bins + r.NextDouble()) * (YMax - YMin) / bins);
        };
    }
}
