using System.Text;
using GenAI.Core;
using GenAI.Display;
using GenAI.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GenAI.Models;

/// <summary>
/// The losses of a training run, epoch by epoch. Displayed in a notebook it shows the loss curves
/// (training and validation per epoch) above a table of every epoch with the loss's parts and time.
/// </summary>
public sealed class TrainingHistory : IDisplayable
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
        // The chart (interactive, with its SVG fallback) and, below it, the numbers as a table.
        return new MimeBundle()
            .Add(MimeBundle.TextHtml, chart[MimeBundle.TextHtml] + ToHtmlTable())
            .Add(MimeBundle.ImageSvg, chart[MimeBundle.ImageSvg])
            .Add(MimeBundle.TextPlain, ToString());
    }

    /// <summary>A plain-text table, one line per epoch.</summary>
    public override string ToString()
    {
        if (_epochs.Count == 0) return "Noch keine Epoche trainiert.";
        var (header, rows) = Table();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
        foreach (var row in rows)
            text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadLeft(widths[i]))));
        return text.ToString().TrimEnd();
    }

    private string ToHtmlTable()
    {
        var (header, rows) = Table();
        var html = new StringBuilder("<table class=\"genai-training-history\"><thead><tr>");
        foreach (var h in header) html.Append("<th>").Append(GenAI.Core.HtmlText.Escape(h)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var c in row) html.Append("<td style=\"text-align:right\">").Append(GenAI.Core.HtmlText.Escape(c)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private (string[] Header, List<string[]> Rows) Table()
    {
        var parts = _epochs.SelectMany(e => e.TrainParts.Keys).Distinct().ToArray();
        bool validation = _epochs.Any(e => e.ValidationLoss is not null);
        var header = new List<string> { "Epoche", "Training" };
        header.AddRange(parts.Select(p => $"Training {p}"));
        if (validation)
        {
            header.Add("Validierung");
            header.AddRange(parts.Select(p => $"Validierung {p}"));
        }
        // No wall-clock column: committed notebook outputs must be identical when a seeded run is
        // repeated. Epoch durations stay available as EpochResult.Duration.
        var rows = new List<string[]>();
        foreach (var e in _epochs)
        {
            var row = new List<string> { GermanNumber.Format(e.Epoch, 0), GermanNumber.Format(e.TrainLoss, 2) };
            row.AddRange(parts.Select(p => e.TrainParts.TryGetValue(p, out var v) ? GermanNumber.Format(v, 2) : ""));
            if (validation)
            {
                row.Add(e.ValidationLoss is { } v ? GermanNumber.Format(v, 2) : "");
                row.AddRange(parts.Select(p => e.ValidationParts?.TryGetValue(p, out var v) == true ? GermanNumber.Format(v, 2) : ""));
            }
            rows.Add([.. row]);
        }
        return ([.. header], rows);
    }
}
