namespace GenAI.Plotting;

/// <summary>
/// Tick labels for token axes. A categorical axis (ours and plotly's) merges equal labels into one category, so a
/// text with a repeated character would lose rows; repeats get invisible zero-width spaces (U+200B) appended, which
/// keeps them apart and looks the same. Whitespace becomes visible: space → ␣, line break → ↵, tab → ⇥.
/// </summary>
public static class AxisLabels
{
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>The labels, visible and pairwise distinct, in the same order.</summary>
    public static string[] Distinct(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var seen = new Dictionary<string, int>();
        var result = new List<string>();
        foreach (var raw in labels)
        {
            string label = Visible(raw ?? "");
            int repeats = seen.TryGetValue(label, out int n) ? n : 0;
            seen[label] = repeats + 1;
            result.Add(repeats == 0 ? label : label + new string(ZeroWidthSpace, repeats));
        }
        return [.. result];
    }

    /// <summary>Whitespace made visible: space → ␣, line break → ↵, tab → ⇥; an empty label becomes "∅".</summary>
    public static string Visible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return "∅";
        return text.Replace("\r\n", "↵", StringComparison.Ordinal).Replace('\n', '↵').Replace('\r', '↵')
            .Replace('\t', '⇥').Replace(' ', '␣');
    }
}
