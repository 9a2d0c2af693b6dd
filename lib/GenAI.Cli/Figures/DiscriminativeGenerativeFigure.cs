using GenAI.Plotting;

namespace GenAI.Cli.Figures;

/// <summary>
/// images/diskriminativ-generativ.svg: the same two-moons data seen by a discriminative model (a
/// nearest-neighbour decision boundary between the classes) and by a generative one (new points drawn
/// from the chapter's counting model).
/// </summary>
internal static class DiscriminativeGenerativeFigure
{
    public static Figure Build()
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
        var left = Chart.Combine(
                Chart.ScatterByClass(data.Select(d => d.X), data.Select(d => d.Y), data.Select(d => d.Moon), names, markerSize: 5),
                Chart.Scatter(boundary.Select(b => b.X), boundary.Select(b => b.Y), name: "Entscheidungsgrenze", color: "#222", markerSize: 2))
            .WithTitle("diskriminativ: p(y | x)")
            .WithXAxis("x₁", TwoMoons.XMin, TwoMoons.XMax).WithYAxis("x₂", TwoMoons.YMin, TwoMoons.YMax);

        var sampler = TwoMoons.FitHistogram(data, 30, new Random(1));
        var samples = Enumerable.Range(0, 400).Select(_ => sampler()).ToArray();
        var right = Chart.Combine(
                Chart.Scatter(data.Select(d => d.X), data.Select(d => d.Y), name: "Trainingsdaten", color: "#b0b0b0", markerSize: 5),
                Chart.Scatter(samples.Select(s => s.X), samples.Select(s => s.Y), name: "neu erzeugt", color: "#ef553b", markerSize: 5))
            .WithTitle("generativ: x ~ p_θ(x)")
            .WithXAxis("x₁", TwoMoons.XMin, TwoMoons.XMax).WithYAxis("x₂", TwoMoons.YMin, TwoMoons.YMax);

        return Chart.Grid(1, 2, left, right).WithSize(960, 400);
    }
}
