using GenAI.Display;
using GenAI.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GenAI.Models.Gans;

/// <summary>Every step of a GAN training run; charts of the losses and of D's scores.</summary>
public sealed partial class GanHistory : IDisplayable
{
    private readonly List<GanStep> _steps = [];

    /// <summary>All steps, in order.</summary>
    public IReadOnlyList<GanStep> Steps => _steps;

    /// <summary>Wall-clock time of all training steps.</summary>
    public TimeSpan Duration { get; internal set; }

    internal void Add(GanStep step) => _steps.Add(step);

    /// <summary>Means over each epoch (one entry per epoch).</summary>
    public IReadOnlyList<GanStep> Epochs => [.. _steps.GroupBy(s => s.Epoch).Select(g => new GanStep(g.Key,
        g.Average(s => s.DiscriminatorLoss), g.Average(s => s.GeneratorLoss), g.Average(s => s.DReal), g.Average(s => s.DFake)))];

    /// <summary>Moving means over <paramref name="window"/> steps (smoother curves).</summary>
    public double[] Smooth(Func<GanStep, double> value, int window = 25)
    {
        var raw = _steps.Select(value).ToArray();
        var smooth = new double[raw.Length];
        double sum = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            sum += raw[i];
            if (i >= window) sum -= raw[i - window];
            smooth[i] = sum / Math.Min(i + 1, window);
        }
        return smooth;
    }

    /// <summary>D and G loss per step (moving mean over 25 steps).</summary>
    public GenericChart LossChart() =>
        SmoothedPair((s => s.DiscriminatorLoss, "Diskriminator"), (s => s.GeneratorLoss, "Generator"))
            .WithTitle("Verluste (gleitender Mittelwert über 25 Schritte)")
            .WithAxisTitles("Schritt", "BCE-Verlust");

    /// <summary>D's mean probability "real" on real and generated batches per step.</summary>
    public GenericChart ScoreChart() =>
        SmoothedPair((s => s.DReal, "D(echt)"), (s => s.DFake, "D(G(z))"))
            .WithTitle("Urteil des Diskriminators (gleitender Mittelwert über 25 Schritte)")
            .WithAxisTitles("Schritt", "Wahrscheinlichkeit „echt“");

    // Two smoothed per-step series in one chart, x = step number.
    private GenericChart SmoothedPair((Func<GanStep, double> Value, string Name) first, (Func<GanStep, double> Value, string Name) second)
    {
        var x = Enumerable.Range(1, _steps.Count).ToArray();
        return Chart.Combine([
            Chart.Line<int, double, string>(x: x, y: Smooth(first.Value), Name: first.Name),
            Chart.Line<int, double, string>(x: x, y: Smooth(second.Value), Name: second.Name)]);
    }

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle() => _steps.Count == 0 ? MimeBundle.PlainText(ToString()) : LossChart().ToMimeBundle();

    /// <summary>The <see cref="ToDataFrame"/> table as plain text: one line per epoch with the means.</summary>
    public override string ToString() => _steps.Count == 0 ? "Noch nicht trainiert." : TableFormatter.ToPlainText(ToDataFrame());
}
