using GenAI.Display;
using GenAI.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GenAI.Models;

/// <summary>
/// The losses of a training run, epoch by epoch. Displayed in a notebook it shows the loss curves
/// (training and validation per epoch) above its <see cref="ToDataFrame"/> table: every epoch with the loss's parts.
/// </summary>
public sealed partial class TrainingHistory : IDisplayable
{
    private readonly List<EpochResult> _epochs = [];

    /// <summary>All finished epochs, in order.</summary>
    public IReadOnlyList<EpochResult> Epochs => _epochs;

    /// <summary>The last finished epoch, or null before the first one ends.</summary>
    public EpochResult? Last => _epochs.Count == 0 ? null : _epochs[^1];

    /// <summary>Training loss per sample, one value per epoch.</summary>
    public double[] TrainLoss => [.. _epochs.Select(e => e.TrainLoss)];

    /// <summary>Validation loss per sample, one value per epoch (NaN where none was measured).</summary>
    public double[] ValidationLoss => [.. _epochs.Select(e => e.ValidationLoss ?? double.NaN)];

    internal void Add(EpochResult epoch) => _epochs.Add(epoch);

    /// <summary>Loss per sample over the epochs: one line for training, one for validation (if measured).</summary>
    public GenericChart ToChart()
    {
        if (_epochs.Count == 0) throw new InvalidOperationException("Noch keine Epoche trainiert: rufe zuerst Fit auf.");
        var epochs = _epochs.Select(e => e.Epoch).ToArray();
        var lines = new List<GenericChart> { Chart.Line<int, double, string>(x: epochs, y: TrainLoss, Name: "Training", ShowMarkers: true) };
        var validated = _epochs.Where(e => e.ValidationLoss is not null).ToArray();
        if (validated.Length > 0)
            lines.Add(Chart.Line<int, double, string>(
                x: validated.Select(e => e.Epoch), y: validated.Select(e => e.ValidationLoss!.Value), Name: "Validierung", ShowMarkers: true));
        return Chart.Combine(lines)
            .WithTitle("Verlust pro Epoche")
            .WithAxisTitles("Epoche", "Verlust pro Beispiel");
    }

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle()
    {
        if (_epochs.Count == 0) return MimeBundle.PlainText(ToString());
        var chart = ToChart().ToMimeBundle();
        // The chart (interactive, with its SVG fallback) and, below it, the numbers as a table: the history's DataFrame.
        var table = TableFormatter.ToMimeBundle(ToDataFrame());
        return new MimeBundle()
            .Add(MimeBundle.TextHtml, chart[MimeBundle.TextHtml] + table[MimeBundle.TextHtml])
            .Add(MimeBundle.ImageSvg, chart[MimeBundle.ImageSvg])
            .Add(MimeBundle.TextPlain, table[MimeBundle.TextPlain]);
    }

    /// <summary>The <see cref="ToDataFrame"/> table as plain text, one line per epoch (the first ones when there are many).</summary>
    public override string ToString() => _epochs.Count == 0 ? "Noch keine Epoche trainiert." : TableFormatter.ToPlainText(ToDataFrame());
}
