using GenAI.Core;
using GenAI.Display;
using GenAI.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GenAI.Models.Diffusion;

/// <summary>The loss of every training step of a <see cref="DiffusionTrainer"/>, and a chart of it.</summary>
public sealed partial class DiffusionHistory : IDisplayable
{
    private readonly List<double> _losses = [];

    /// <summary>MSE between true and predicted noise, per step.</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>Wall-clock time of all training steps.</summary>
    public TimeSpan Duration { get; internal set; }

    internal void Add(double loss) => _losses.Add(loss);

    /// <summary>Mean loss of the last <paramref name="window"/> steps.</summary>
    public double Recent(int window = 100) => _losses.Count == 0 ? double.NaN : _losses.TakeLast(window).Average();

    /// <summary>Loss per step, moving mean over <paramref name="window"/> steps.</summary>
    public GenericChart LossChart(int window = 50)
    {
        var smooth = new double[_losses.Count];
        double sum = 0;
        for (int i = 0; i < _losses.Count; i++)
        {
            sum += _losses[i];
            if (i >= window) sum -= _losses[i - window];
            smooth[i] = sum / Math.Min(i + 1, window);
        }
        return Chart.Line<int, double, string>(x: Enumerable.Range(1, smooth.Length), y: smooth, Name: "MSE")
            .WithTitle($"Verlust (gleitender Mittelwert über {window} Schritte)")
            .WithAxisTitles("Schritt", "MSE(ε, ε̂)");
    }

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle() => _losses.Count == 0 ? MimeBundle.PlainText(ToString()) : LossChart().ToMimeBundle();

    /// <summary>"2.000 Schritte in 4,1 s · Verlust zuletzt 0,412".</summary>
    public override string ToString() => _losses.Count == 0 ? "Noch nicht trainiert." :
        $"{GermanNumber.Format(_losses.Count, 0)} Schritte in {GermanNumber.Format(Duration.TotalSeconds, 1)} s · "
        + $"Verlust (Mittel der letzten 100) {GermanNumber.Format(Recent(), 3)}";
}
