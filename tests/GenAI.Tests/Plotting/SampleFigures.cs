using GenAI.Core;
using GenAI.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

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

    public static GenericChart ScatterWithLegend()
    {
        var rng = new Lcg(1);
        var x = new List<double>(); var y = new List<double>(); var c = new List<int>();
        double[][] centers = [[-2, 1], [2, 2], [0, -2], [3, -1]];
        for (int i = 0; i < 120; i++)
        {
            int k = i % 4;
            x.Add(centers[k][0] + 0.7 * rng.Normal()); y.Add(centers[k][1] + 0.7 * rng.Normal()); c.Add(k);
        }
        return ChartParts.ScatterByClass(x, y, c, ClassNames)
            .WithTitle("Latenter Raum nach Klassen", "120 Beispiele, zweidimensionaler Code")
            .WithAxisTitles("z₁", "z₂").WithLegendTitle("Klasse");
    }

    public static GenericChart AnnotatedHeatmap()
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
        return ChartParts.Heatmap(sim, words, words, Colorscale.BlueRed, -1, 1, "Kosinus", annotate: true)
            .WithTitle("Kosinus-Ähnlichkeit der Wortvektoren").WithSize(560, 480);
    }

    public static GenericChart Histogram()
    {
        var rng = new Lcg(7);
        var values = Enumerable.Range(0, 1000).Select(_ => 0.5 + 0.15 * rng.Normal()).ToArray();
        return Chart.Histogram<double, double, string>(X: values)
            .WithTitle("Verteilung der Pixelwerte").WithAxisTitles("Helligkeit", "Anzahl");
    }

    public static GenericChart LossCurves()
    {
        var epochs = Enumerable.Range(1, 40).ToArray();
        var train = epochs.Select(e => 0.9 * Math.Exp(-e / 8.0) + 0.05).ToArray();
        var valid = epochs.Select(e => 0.9 * Math.Exp(-e / 9.0) + 0.08 + 0.002 * e).ToArray();
        return Chart.Combine([
                Chart.Line<int, double, string>(x: epochs, y: train, Name: "Training"),
                Chart.Line<int, double, string>(x: epochs, y: valid, Name: "Validierung", LineDash: StyleParam.DrawingStyle.Dash)])
            .WithTitle("Verlust pro Epoche").WithAxisTitles("Epoche", "Verlust (MSE)");
    }

    public static GenericChart BarChart()
    {
        string[] words = ["der", "die", "und", "in", "zu", "den"];
        double[] shares = [0.041, 0.038, 0.027, 0.016, 0.013, 0.0115];
        return Chart.Column<double, string, string>(values: shares, Keys: words, MultiText: shares.Select(v => GermanNumber.Format(v, 3)).ToArray())
            .WithTitle("Häufigste Wörter").WithAxisTitles("Wort", "Anteil");
    }

    public static GenericChart WordScatter()
    {
        string[] words = ["Hund", "Katze", "Maus", "Auto", "Fahrrad", "Zug"];
        double[] x = [-1.2, -0.9, -1.4, 1.1, 0.8, 1.5];
        double[] y = [0.4, 0.7, -0.2, -0.5, 0.3, -0.1];
        return Chart.Point<double, double, string>(x: x, y: y, MultiText: words, TextPosition: StyleParam.TextPosition.TopCenter)
            .WithTitle("Wortvektoren (PCA)").WithAxisTitles("PC 1", "PC 2");
    }

    public static GenericChart ColoredScatter()
    {
        var t = Enumerable.Range(0, 60).Select(i => i / 10.0).ToArray();
        var marker = ChartParts.Marker("#000000", 7);
        marker.SetProperty("color", t);
        marker.SetProperty("colorscale", Colorscale.Viridis.Stops.Select(s => new object[] { s.Position, s.Color }).ToArray());
        var title = new DynamicObj.DynamicObj();
        title.SetProperty("text", "Zeit t");
        var colorbar = new DynamicObj.DynamicObj();
        colorbar.SetProperty("title", title);
        marker.SetProperty("colorbar", colorbar);
        return Chart.Point<double, double, string>(
                x: t.Select((v, i) => Math.Cos(v) * (1 + t[i] / 3)), y: t.Select((v, i) => Math.Sin(v) * (1 + t[i] / 3)), Marker: marker)
            .WithTitle("Interpolation im latenten Raum");
    }

    public static GenericChart Grid() =>
        Chart.Grid([LossCurves(), Histogram()], 1, 2, SubPlotTitles: new[] { "Verlust", "Pixelwerte" })
            .WithTitle("Zwei Teilbilder").WithSize(800, 360);

    public static IEnumerable<(string Name, Func<GenericChart> Make)> All() =>
    [
        ("scatter-legend", ScatterWithLegend), ("heatmap-annotated", AnnotatedHeatmap), ("histogram", Histogram),
        ("loss-curves", LossCurves), ("bar", BarChart), ("word-scatter", WordScatter), ("colored-scatter", ColoredScatter),
        ("grid", Grid),
    ];
}
