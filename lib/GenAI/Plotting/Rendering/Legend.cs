namespace GenAI.Plotting;

/// <summary>The legend column on the right of an SVG figure: a symbol in the trace's colour and its name per entry.</summary>
internal static class Legend
{
    private const double RowHeight = 21, SymbolWidth = 22, MaxTextWidth = 180;

    public static double Width(Figure figure, List<Trace> entries)
    {
        double text = entries.Max(t => TextMetrics.Width(t.Name ?? "", Style.LegendFont));
        if (figure.LegendTitle is not null) text = Math.Max(text, TextMetrics.Width(figure.LegendTitle, Style.LegendFont) - SymbolWidth);
        return Math.Min(MaxTextWidth, text) + SymbolWidth + 26;
    }

    public static void Draw(SvgWriter svg, Figure figure, List<Trace> entries, double x, double y, double maxHeight)
    {
        if (figure.LegendTitle is not null)
        {
            svg.Text(x, y + 13, figure.LegendTitle, Style.LegendFont, extra: "font-weight=\"600\"");
            y += RowHeight + 2;
        }
        foreach (var trace in entries)
        {
            if (maxHeight > 0 && y + RowHeight > figure.Height - 4) break;
            double cy = y + RowHeight / 2;
            string color = figure.ColorOf(trace);
            switch (trace)
            {
                case ScatterTrace { HasLine: true } s:
                    svg.Line(x, cy, x + SymbolWidth - 4, cy, color, Math.Max(2, s.LineWidth), s.Dashed ? "stroke-dasharray=\"5 3\"" : null);
                    if (s.HasMarkers) svg.Raw($"<circle cx=\"{SvgWriter.N(x + (SymbolWidth - 4) / 2)}\" cy=\"{SvgWriter.N(cy)}\" r=\"3.5\" fill=\"{color}\"/>\n");
                    break;
                case ScatterTrace:
                    svg.Raw($"<circle cx=\"{SvgWriter.N(x + 7)}\" cy=\"{SvgWriter.N(cy)}\" r=\"5\" fill=\"{color}\"/>\n");
                    break;
                default:
                    svg.Rect(x + 1, cy - 6, 12, 12, color, "rx=\"2\"");
                    break;
            }
            svg.Text(x + SymbolWidth, cy + 4.5, TextMetrics.Fit(trace.Name ?? "", Style.LegendFont, MaxTextWidth), Style.LegendFont);
            y += RowHeight;
        }
    }
}
