using System.Globalization;
using System.Net;
using System.Text;
using GenAI.Display;

namespace GenAI.Models;

/// <summary>
/// The losses of a training run, epoch by epoch. Displaying it in a notebook shows a table of the
/// epochs (loss per sample for training and validation, the loss's parts, and time).
/// </summary>
public sealed class TrainingHistory : IDisplayable
{
    private readonly List<EpochResult> _epochs = [];

    /// <summary>All finished epochs, in order.</summary>
    public IReadOnlyList<EpochResult> Epochs => _epochs;

    /// <summary>The last finished epoch, or null before the first one ends.</summary>
    public EpochResult? Last => _epochs.Count == 0 ? null : _epochs[^1];

    /// <summary>Training loss per sample, one value per epoch (for a line chart).</summary>
    public double[] TrainLoss => [.. _epochs.Select(e => e.TrainLoss)];

    /// <summary>Validation loss per sample, one value per epoch (NaN where none was measured).</summary>
    public double[] ValidationLoss => [.. _epochs.Select(e => e.ValidationLoss ?? double.NaN)];

    internal void Add(EpochResult epoch) => _epochs.Add(epoch);

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle() => new MimeBundle()
        .Add(MimeBundle.TextHtml, ToHtml())
        .Add(MimeBundle.TextPlain, ToString());

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

    private string ToHtml()
    {
        if (_epochs.Count == 0) return "<p>Noch keine Epoche trainiert.</p>";
        var (header, rows) = Table();
        var html = new StringBuilder("<table class=\"genai-training-history\"><thead><tr>");
        foreach (var h in header) html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var c in row) html.Append("<td style=\"text-align:right\">").Append(WebUtility.HtmlEncode(c)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private (string[] Header, List<string[]> Rows) Table()
    {
        var ci = CultureInfo.InvariantCulture;
        var parts = _epochs.SelectMany(e => e.TrainParts.Keys).Distinct().ToArray();
        bool validation = _epochs.Any(e => e.ValidationLoss is not null);
        var header = new List<string> { "Epoche", "Training" };
        header.AddRange(parts.Select(p => $"Training {p}"));
        if (validation)
        {
            header.Add("Validierung");
            header.AddRange(parts.Select(p => $"Validierung {p}"));
        }
        header.Add("Zeit (s)");
        var rows = new List<string[]>();
        foreach (var e in _epochs)
        {
            var row = new List<string> { e.Epoch.ToString(ci), e.TrainLoss.ToString("0.00", ci) };
            row.AddRange(parts.Select(p => e.TrainParts.TryGetValue(p, out var v) ? v.ToString("0.00", ci) : ""));
            if (validation)
            {
                row.Add(e.ValidationLoss?.ToString("0.00", ci) ?? "");
                row.AddRange(parts.Select(p => e.ValidationParts?.TryGetValue(p, out var v) == true ? v.ToString("0.00", ci) : ""));
            }
            row.Add(e.Duration.TotalSeconds.ToString("0.0", ci));
            rows.Add([.. row]);
        }
        return ([.. header], rows);
    }
}
