using System.Globalization;
using System.Text;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Text;

/// <summary>One continuation: the unit, its votes (how often it followed the context) and its probability.</summary>
public sealed record Continuation(string Token, double Votes, double Probability);

/// <summary>
/// What followed a context in the training text — the table of Shannon's experiment: each continuation with its
/// votes ("Stimmen") and probability, most votes first. Displays as a table with bars.
/// </summary>
public sealed partial class NextTokenDistribution(string context, IReadOnlyList<Continuation> continuations)
    : IReadOnlyList<Continuation>, IDisplayable
{
    /// <summary>How the end of a sentence is shown.</summary>
    public const string EndLabel = "(Satzende)";

    /// <summary>The context as the model saw it (its last units).</summary>
    public string Context { get; } = context;

    /// <summary>Total votes.</summary>
    public double TotalVotes { get; } = continuations.Sum(c => c.Votes);

    /// <inheritdoc/>
    public Continuation this[int index] => continuations[index];

    /// <inheritdoc/>
    public int Count => continuations.Count;

    /// <inheritdoc/>
    public IEnumerator<Continuation> GetEnumerator() => continuations.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>At most this many rows are shown (the rest are summed up in one line).</summary>
    public int MaxRows { get; init; } = 15;

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle() => new MimeBundle().Add(MimeBundle.TextHtml, ToHtml()).Add(MimeBundle.TextPlain, ToString());

    /// <summary>A plain-text table with bars made of █.</summary>
    public override string ToString()
    {
        var ci = CultureInfo.GetCultureInfo("de-DE");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Nach „{Context}“: {Format(TotalVotes, ci)} Stimmen, {Count} verschiedene Fortsetzungen\n");
        if (Count == 0) return sb.Append("(Dieser Kontext kommt im Text nicht vor.)").ToString();
        int width = Math.Min(24, continuations.Take(MaxRows).Max(c => c.Token.Length));
        double max = continuations[0].Votes;
        foreach (var c in continuations.Take(MaxRows))
        {
            int bar = (int)Math.Round(20 * c.Votes / max);
            sb.Append(Shorten(c.Token, 24).PadRight(width)).Append("  ").Append(new string('█', Math.Max(bar, 1)).PadRight(20))
              .Append(' ').Append(Format(c.Votes, ci).PadLeft(7)).Append("  ").Append(c.Probability.ToString("P1", ci).PadLeft(7)).Append('\n');
        }
        if (Count > MaxRows)
            sb.Append(CultureInfo.InvariantCulture,
                $"… und {Count - MaxRows} weitere mit zusammen {Format(continuations.Skip(MaxRows).Sum(c => c.Votes), ci)} Stimmen\n");
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>An HTML table: continuation, a bar proportional to its votes, votes, probability.</summary>
    public string ToHtml()
    {
        var ci = CultureInfo.GetCultureInfo("de-DE");
        var sb = new StringBuilder();
        sb.Append("<div class=\"genai-next-token\" style=\"font-family:system-ui,sans-serif;font-size:14px;max-width:640px\">");
        sb.Append(CultureInfo.InvariantCulture, $"<div style=\"margin-bottom:6px\">Nach <b>„{Html(Context)}“</b>: ")
          .Append(CultureInfo.InvariantCulture, $"{Format(TotalVotes, ci)} Stimmen, {Count} verschiedene Fortsetzungen</div>");
        if (Count == 0)
            return sb.Append("<div><i>Dieser Kontext kommt im Text nicht vor.</i></div></div>").ToString();
        sb.Append("<table style=\"border-collapse:collapse\"><thead><tr>")
          .Append("<th style=\"text-align:left;padding:2px 8px\">nächstes Wort</th><th style=\"text-align:left;padding:2px 8px\">Stimmen</th>")
          .Append("<th style=\"text-align:right;padding:2px 8px\">Anzahl</th>")
          .Append("<th style=\"text-align:right;padding:2px 8px\">Wahrscheinlichkeit</th></tr></thead><tbody>");
        double max = continuations[0].Votes;
        foreach (var c in continuations.Take(MaxRows))
        {
            double percent = 100 * c.Votes / max;
            sb.Append("<tr style=\"border-top:1px solid #e5e7eb\">")
              .Append(CultureInfo.InvariantCulture, $"<td style=\"padding:2px 8px;font-family:ui-monospace,monospace;white-space:pre\">{Html(c.Token)}</td>")
              .Append("<td style=\"padding:2px 8px;width:260px\"><div style=\"background:#4f7cac;height:14px;")
              .Append(CultureInfo.InvariantCulture,
                  $"width:{percent.ToString("0.#", CultureInfo.InvariantCulture)}%;min-width:2px;border-radius:2px\"></div></td>")
              .Append(CultureInfo.InvariantCulture, $"<td style=\"padding:2px 8px;text-align:right\">{Format(c.Votes, ci)}</td>")
              .Append(CultureInfo.InvariantCulture, $"<td style=\"padding:2px 8px;text-align:right\">{c.Probability.ToString("P1", ci)}</td></tr>");
        }
        if (Count > MaxRows)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"4\" style=\"padding:2px 8px;color:#6b7280\">")
              .Append(CultureInfo.InvariantCulture,
                  $"… und {Count - MaxRows} weitere mit zusammen {Format(continuations.Skip(MaxRows).Sum(c => c.Votes), ci)} Stimmen</td></tr>");
        return sb.Append("</tbody></table></div>").ToString();
    }

    private static string Format(double votes, CultureInfo ci) =>
        votes == Math.Floor(votes) ? votes.ToString("N0", ci) : votes.ToString("N1", ci);

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Html(string s) => GenAI.Core.HtmlText.Escape(s);
}
