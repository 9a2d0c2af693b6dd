namespace GenAI.Plotting;

/// <summary>
/// The legend column on the right of an SVG figure: a symbol in the trace's colour and its name per entry.
/// Nothing is cut off: a long name wraps onto further lines at word boundaries, and a legend taller than the
/// figure makes the SVG taller (<see cref="Bottom"/>) instead of dropping entries.
/// </summary>
internal static class Legend
{
    private const double RowHeight = 21, LineHeight = 15, SymbolWidth = 22, MaxTextWidth = 180;

    public static double Width(Figure figure, List<Trace> entries)
    {
        double text = entries.Max(t => TextMetrics.Width(t.Name ?? "", Style.LegendFont));
        if (figure.LegendTitle is not null) text = Math.Max(text, TextMetrics.Width(figure.LegendTitle, Style.LegendFont) - SymbolWidth);
        return Math.Min(MaxTextWidth, text) + SymbolWidth + 26;
    }

    /// <summary>The y coordinate just below the last entry when the legend starts at <paramref name="y"/>.</summary>
    public static double Bottom(Figure figure, List<Trace> entries, double y)
    {
        if (figure.LegendTitle is not null) y += RowHeight + 2;
        foreach (var trace in entries) y += RowHeight + LineHeight * (Lines(trace).Count - 1);
        return y;
    }

    public static void Draw(SvgWriter svg, Figure figure, List<Trace> entries, double x, double y)
    {
        if (figure.LegendTitle is not null)
        {
            svg.Text(x, y + 13, figure.LegendTitle, Style.LegendFont, extra: "font-weight=\"600\"");
            y += RowHeight + 2;
        }
        foreach (var trace in entries)
        {
            double cy = y + RowHeight / 2;
            string color = figure.ColorOf(trace);
            switch (trace)
            {
                case ScatterTrace { HasLine: true } s:
                    svg.Line(x, cy, x + SymbolWidth - 4, cy, color, Math.Max(2, s.LineWidth), s.Dashed ? "stroke-dasharray=\"5 3\"" : null);
                    if (s.HasMarkers)
                        svg.Raw($"<circle cx=\"{SvgWriter.N(x + (SymbolWidth - 4) / 2)}\" cy=\"{SvgWriter.N(cy)}\" r=\"3.5\" fill=\"{color}\"/>\n");
                    break;
                case ScatterTrace:
                    svg.Raw($"<circle cx=\"{SvgWriter.N(x + 7)}\" cy=\"{SvgWriter.N(cy)}\" r=\"5\" fill=\"{color}\"/>\n");
                    break;
                default:
                    svg.Rect(x + 1, cy - 6, 12, 12, color, "rx=\"2\"");
                    break;
            }
            var lines = Lines(trace);
            for (int i = 0; i < lines.Count; i++) svg.Text(x + SymbolWidth, cy + 4.5 + i * LineHeight, lines[i], Style.LegendFont);
            y += RowHeight + LineHeight * (lines.Count - 1);
        }
    }

    /// <summary>The name broken into lines of at most <see cref="MaxTextWidth"/> px, at spaces where possible.</summary>
    internal static List<string> Lines(Trace trace) => Wrap(trace.Name ?? "", Style.LegendFont, MaxTextWidth);

    internal static List<string> Wrap(string text, double fontSize, double maxWidth)
    {
        var lines = new List<string>();
        string line = "";
        foreach (var word in text.Split(' '))
        {
            string candidate = line.Length == 0 ? word : line + " " + word;
            if (TextMetrics.Width(candidate, fontSize) <= maxWidth) { line = candidate; continue; }
            if (line.Length > 0) lines.Add(line);
            line = word;
            // A single word wider than the column is split between characters.
            while (TextMetrics.Width(line, fontSize) > maxWidth && line.Length > 1)
            {
                int n = line.Length - 1;
                while (n > 1 && TextMetrics.Width(line[..n], fontSize) > maxWidth) n--;
                lines.Add(line[..n]);
                line = line[n..];
            }
        }
        lines.Add(line);
        return lines;
    }
}
