namespace GenAI.Plotting;

/// <summary>
/// Estimated text widths for layout (an SVG has no text measurement before it is shown). Per-character
/// advance widths approximate Arial/Helvetica in em, padded 6 % for the wider DejaVu Sans Linux falls back to.
/// </summary>
internal static class TextMetrics
{
    public static double Width(string text, double fontSize)
    {
        double em = 0;
        foreach (char c in text) em += Advance(c);
        return em * fontSize * 1.06;
    }

    private static double Advance(char c) => c switch
    {
        '\u200B' => 0,   // zero-width space (AxisLabels keeps repeated labels apart with it)
        'i' or 'l' or 'j' or '!' or '|' or '.' or ',' or ':' or ';' or '\'' => 0.26,
        'f' or 't' or 'r' or 'I' or '(' or ')' or '[' or ']' or ' ' or '/' => 0.32,
        >= '0' and <= '9' => 0.556,
        'M' or 'W' or 'm' or 'w' or '%' => 0.84,
        '−' or '+' or '=' or '<' or '>' => 0.584,
        >= 'A' and <= 'Z' or 'Ä' or 'Ö' or 'Ü' => 0.68,
        _ => 0.54,
    };

    /// <summary>Shortens <paramref name="text"/> with "…" to fit <paramref name="maxWidth"/> pixels.</summary>
    public static string Fit(string text, double fontSize, double maxWidth)
    {
        if (Width(text, fontSize) <= maxWidth) return text;
        for (int n = text.Length - 1; n > 1; n--)
        {
            string candidate = text[..n].TrimEnd() + "…";
            if (Width(candidate, fontSize) <= maxWidth) return candidate;
        }
        return "…";
    }
}
