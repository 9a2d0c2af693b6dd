using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

/// <summary>Representative figures with deterministic data, shared by golden-file and browser tests.</summary>
public static class SampleFigures
{
    /// <summary>A tiny deterministic generator (64-bit LCG, Knuth MMIX constants) so goldens never depend on System.Random.</summary>
    internal sealed class Lcg(ulong seed)
    {
        private ulong _state = seed;
        public double Uniform() { _state = _state * 6364136223846793005UL + 1442695040888963407UL; return (_state >> 11) * (1.0 / (1UL << 53)); }
        public double Normal() => Math.Sqrt(-2 * Math.Log(1 - Uniform())) * Math.Cos(2 * Math.PI * Uniform());
    }

    public static readonly string[] ClassNames = ["T-Shirt/Top", "Hose", "Pullover", "Kleid"];

    public static Figure ScatterWithLegend()
    {
        var rng = new Lcg(1);
        var x = new List<double>(); var y = new List<double>(); var c = new List<int>();
        double[][] centers = [[-2, 1], [2, 2], [0, -2], [3, -1]];
        for (int i = 0; i < 120; i++)
        {
            int k = i % 4;
            x.Add(centers[k][0] + 0.7 * rng.Normal()); y.Add(centers[k][1] + 0.7 * rng.Normal()); c.Add(k);
        }
        return Chart.ScatterByClass(x, y, c, ClassNames)
            .WithTitle("Latenter Raum nach Klassen", "120 Beispiele, zweidimensionaler Code")
            .WithXAxis("z₁").WithYAxis("z₂").WithLegend(title: "Klasse");
    }

    public static Figure AnnotatedHeatmap()
    {
        string[] words = ["König", "Königin", "Mann", "Frau", "Äpfel"];
        double[,] sim =
        {
            { 1.00, 0.78, 0.62, 0.41, -0.12 },
            { 0.78, 1.00, 0.38, 0.66, -0.08 },
            { 0.62, 0.38, 1.00, 0.71, 0.05 },
            { 0.41, 0.66, 0.71, 1.00, 0.02 },
            { -0.12, -0.08, 0.05, 0.02, 1.00 },
        };
        return Chart.Heatmap(sim, words, words, annotate: true, colorscale: Colorscale.BlueRed, zMin: -1, zMax: 1, colorbarTitle: "Kosinus")
            .WithTitle("Kosinus-Ähnlichkeit der Wortvektoren").WithSize(560, 480);
    }

    public static Figure Histogram()
    {
        var rng = new Lcg(7);
        var values = Enumerable.Range(0, 1000).Select(_ => 0.5 + 0.15 * rng.Normal()).ToArray();
        return Chart.Histogram(values).WithTitle("Verteilung der Pixelwerte").WithXAxis("Helligkeit").WithYAxis("Anzahl");
    }

    public static Figure LossCurves()
    {
        var epochs = Enumerable.Range(1, 40).ToArray();
        var train = epochs.Select(e => 0.9 * Math.Exp(-e / 8.0) + 0.05).ToArray();
        var valid = epochs.Select(e => 0.9 * Math.Exp(-e / 9.0) + 0.08 + 0.002 * e).ToArray();
        return Chart.Combine(Chart.Line(epochs, train, "Training"), Chart.Line(epochs, valid, "Validierung", dashed: true))
            .WithTitle("Verlust pro Epoche").WithXAxis("Epoche").WithYAxis("Verlust (MSE)");
    }

    public static Figure BarChart() =>
        Chart.Bar(["der", "die", "und", "in", "zu", "den"], new[] { 0.041, 0.038, 0.027, 0.016, 0.013, 0.0115 }, showValues: true, decimals: 3)
            .WithTitle("Häufigste Wörter").WithXAxis("Wort").WithYAxis("Anteil");

    public static Figure WordScatter()
    {
        string[] words = ["Hund", "Katze", "Maus", "Auto", "Fahrrad", "Zug"];
        double[] x = [-1.2, -0.9, -1.4, 1.1, 0.8, 1.5];
        double[] y = [0.4, 0.7, -0.2, -0.5, 0.3, -0.1];
        return Chart.Scatter(x, y, text: words).WithTitle("Wortvektoren (PCA)").WithXAxis("PC 1").WithYAxis("PC 2");
    }

    public static Figure ColoredScatter()
    {
        var t = Enumerable.Range(0, 60).Select(i => i / 10.0).ToArray();
        return Chart.ScatterByValue(
                t.Select(Math.Cos).Select((v, i) => v * (1 + t[i] / 3)), t.Select(Math.Sin).Select((v, i) => v * (1 + t[i] / 3)), t, "Zeit t")
            .WithTitle("Interpolation im latenten Raum");
    }

    public static Figure Digit()
    {
        var pixels = new float[8, 8];
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++)
                pixels[i, j] = (i == 1 || i == 6 || j == 2 || j == 5) && i > 0 && i < 7 && j > 1 && j < 6 ? 1f : 0f;
        return Chart.Image(pixels).WithTitle("Eine Null");
    }

    public static Figure Grid() => Chart.Grid(1, 2, LossCurves().WithTitle("Verlust"), Histogram().WithTitle("Pixelwerte"))
        .WithTitle("Zwei Teilbilder");

    public static IEnumerable<(string Name, Func<Figure> Make)> All() =>
    [
        ("scatter-legend", ScatterWithLegend), ("heatmap-annotated", AnnotatedHeatmap), ("histogram", Histogram),
        ("loss-curves", LossCurves), ("bar", BarChart), ("word-scatter", WordScatter), ("colored-scatter", ColoredScatter),
        ("image", Digit), ("grid", Grid),
    ];
}
