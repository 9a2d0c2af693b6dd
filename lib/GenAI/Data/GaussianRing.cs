using GenAI.Core;
using GenAI.Plotting;
using TorchSharp;
using static TorchSharp.torch;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GenAI.Data;

/// <summary>
/// The standard toy data for mode collapse: <see cref="Modes"/> Gaussians of equal weight and spread
/// <see cref="Sigma"/>, centred evenly on a circle of <see cref="Radius"/> (Metz et al. 2017, "Unrolled
/// Generative Adversarial Networks": 8 modes on a circle of radius 2). A generator that covers only some
/// of them shows its collapse in a scatter plot, and <see cref="Coverage"/> counts it.
/// </summary>
public sealed record GaussianRing(int Modes = 8, double Radius = 2, double Sigma = 0.05)
{
    /// <summary>Centre of mode <paramref name="k"/>: angle 2πk / <see cref="Modes"/>, counter-clockwise from the x axis.</summary>
    public (double X, double Y) Centre(int k) =>
        (Radius * Math.Cos(2 * Math.PI * k / Modes), Radius * Math.Sin(2 * Math.PI * k / Modes));

    /// <summary><paramref name="count"/> points (count, 2): a uniformly chosen mode plus N(0, σ²I) noise, repeatable by seed.</summary>
    public Tensor Sample(int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var g = new Generator((ulong)seed);
        using var scope = NewDisposeScope();
        var k = randint(0, Modes, [count], generator: g).to_type(ScalarType.Float32);       // (N)
        var angle = k * (2 * Math.PI / Modes);
        var centres = stack([cos(angle), sin(angle)], 1) * Radius;                             // (N, 2)
        return (centres + randn([count, 2], generator: g) * Sigma).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// How many of <paramref name="points"/> (N, 2) lie within <paramref name="sigmas"/>·σ of each centre, and
    /// which modes count as covered: those that hold at least <paramref name="minShare"/> of all points.
    /// </summary>
    public ModeCoverage Coverage(Tensor points, double minShare = 0.02, double sigmas = 3)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() != 2 || points.shape[1] != 2)
            throw new ArgumentException($"Erwartet Punkte der Form [N, 2], bekommen [{string.Join(", ", points.shape)}].", nameof(points));
        var xy = points.to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var counts = new int[Modes];
        double limit = sigmas * Sigma;
        for (int i = 0; i < xy.Length; i += 2)
            for (int k = 0; k < Modes; k++)
            {
                var (cx, cy) = Centre(k);
                if (Math.Sqrt((xy[i] - cx) * (xy[i] - cx) + (xy[i + 1] - cy) * (xy[i + 1] - cy)) <= limit) { counts[k]++; break; }
            }
        return new ModeCoverage(counts, xy.Length / 2, minShare);
    }

    /// <summary>Scatter plot of <paramref name="points"/> (N, 2) in blue with the mode centres in red, on fixed axes around the ring.</summary>
    public GenericChart Plot(Tensor points, string? title = null, int size = 260)
    {
        ArgumentNullException.ThrowIfNull(points);
        var xy = points.to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var xs = Enumerable.Range(0, xy.Length / 2).Select(i => (double)xy[2 * i]).ToArray();
        var ys = Enumerable.Range(0, xy.Length / 2).Select(i => (double)xy[2 * i + 1]).ToArray();
        var centres = Enumerable.Range(0, Modes).Select(Centre).ToArray();
        double lim = Radius * 1.6;
        // Samples in blue, the centres in red on top; no legend, so many of these fit into one grid.
        var figure = Chart.Combine([
            Chart.Point<double, double, string>(x: xs, y: ys, Marker: ChartParts.Marker(Palette.At(0), 3, 0.5)),
            Chart.Point<double, double, string>(x: centres.Select(c => c.X), y: centres.Select(c => c.Y), Marker: ChartParts.Marker("#d62728", 6))]);
        figure = figure
            .WithXAxisStyle<double, double, string>(MinMax: Tuple.Create(-lim, lim))
            .WithYAxisStyle<double, double, string>(MinMax: Tuple.Create(-lim, lim))
            .WithLayoutProperty("showlegend", false).WithSize(size, size);
        return title is null ? figure : figure.WithTitle(title);
    }
}

/// <summary>
/// Result of <see cref="GaussianRing.Coverage"/>: points near each mode (<see cref="Counts"/>), out of
/// <see cref="Total"/>; a mode is covered when it holds at least <see cref="MinShare"/> of all points.
/// </summary>
public sealed record ModeCoverage(int[] Counts, int Total, double MinShare)
{
    /// <summary>Number of modes that hold at least <see cref="MinShare"/> of the points.</summary>
    public int Covered => Counts.Count(c => c >= MinShare * Total);

    /// <summary>Share of all points that lie near some mode (the rest lie between modes or far off).</summary>
    public double NearShare => Total == 0 ? 0 : Counts.Sum() / (double)Total;

    /// <summary>German summary, e.g. "6 von 8 Modi abgedeckt, 91 % der Punkte nahe einer Mitte".</summary>
    public override string ToString() =>
        $"{Covered} von {Counts.Length} Modi abgedeckt, {GermanNumber.Format(100 * NearShare, 0)} % der Punkte nahe einer Mitte";
}
