using GenAI.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GenAI.Cli.Figures;

/// <summary>
/// images/diskriminativ-generativ.svg: the same two-moons data seen by a discriminative model (a
/// nearest-neighbour decision boundary between the classes) and by a generative one (new points drawn
/// from the chapter's counting model).
/// </summary>
internal static class DiscriminativeGenerativeFigure
{
    public static GenericChart Build()
    {
        var world = new Random(0);
        var data = Enumerable.Range(0, 400).Select(_ => TwoMoons.Sample(world)).ToArray();

        // Decision boundary of 1-nearest-neighbour: the grid cells whose right or upper neighbour is
        // classified differently, drawn as a dotted line.
        const int n = 160;
        double dx = (TwoMoons.XMax - TwoMoons.XMin) / n, dy = (TwoMoons.YMax - TwoMoons.YMin) / n;
        int Classify(double x, double y) => data.MinBy(d => (d.X - x) * (d.X - x) + (d.Y - y) * (d.Y - y)).Moon;
        var label = new int[n + 1, n + 1];
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= n; j++)
                label[i, j] = Classify(TwoMoons.XMin + i * dx, TwoMoons.YMin + j * dy);
        var boundary = new List<(double X, double Y)>();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (label[i, j] != label[i + 1, j] || label[i, j] != label[i, j + 1])
                    boundary.Add((TwoMoons.XMin + (i + 0.5) * dx, TwoMoons.YMin + (j + 0.5) * dy));

        string[] names = ["Klasse A", "Klasse B"];
        var left = Axes(Chart.Combine([
            ChartParts.ScatterByClass(data.Select(d => d.X), data.Select(d => d.Y), data.Select(d => d.Moon), names, markerSize: 5),
            Chart.Point<double, double, string>(x: boundary.Select(b => b.X), y: boundary.Select(b => b.Y), Name: "Entscheidungsgrenze",
                Marker: ChartParts.Marker("#222222", 2))]));

        var sampler = TwoMoons.FitHistogram(data, 30, new Random(1));
        var samples = Enumerable.Range(0, 400).Select(_ => sampler()).ToArray();
        var right = Axes(Chart.Combine([
            Chart.Point<double, double, string>(x: data.Select(d => d.X), y: data.Select(d => d.Y), Name: "Trainingsdaten",
                Marker: ChartParts.Marker("#b0b0b0", 5)),
            Chart.Point<double, double, string>(x: samples.Select(s => s.X), y: samples.Select(s => s.Y), Name: "neu erzeugt",
                Marker: ChartParts.Marker("#ef553b", 5))]));

        return Chart.Grid([left, right], 1, 2, SubPlotTitles: new[] { "diskriminativ: p(y | x)", "generativ: x ~ p_θ(x)" })
            .WithLayoutProperty("showlegend", true).WithSize(960, 400);
    }

    private static GenericChart Axes(GenericChart chart) => chart
        .WithXAxisStyle<double, double, string>(TitleText: "x₁", MinMax: Tuple.Create(TwoMoons.XMin, TwoMoons.XMax))
        .WithYAxisStyle<double, double, string>(TitleText: "x₂", MinMax: Tuple.Create(TwoMoons.YMin, TwoMoons.YMax));
}
