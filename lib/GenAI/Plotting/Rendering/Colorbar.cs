using GenAI.Core;

namespace GenAI.Plotting;

/// <summary>A vertical colour bar: the scale as a gradient, value ticks on its right, its title above.</summary>
internal static class Colorbar
{
    private const double BarWidth = 14, Gap = 14;

    public static (Colorscale Scale, double Min, double Max, string? Title)? For(Subplot subplot)
    {
        foreach (var t in subplot.Traces)
        {
            if (t is HeatmapTrace { ShowScale: true } h) { var (min, max) = h.Range(); return (h.Colorscale, min, max, h.ColorbarTitle); }
            if (t is ScatterTrace { ColorValues: { } values } s)
            {
                var finite = values.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
                double min = finite.Min(), max = finite.Max();
                return (s.Colorscale, min, max > min ? max : min + 1, s.ColorbarTitle);
            }
        }
        return null;
    }

    /// <summary>Horizontal space the bar, its labels and its title need.</summary>
    public static double Width(double min, double max, string? title, double height)
    {
        var labels = Labels(min, max, height);
        double labelWidth = labels.Count == 0 ? 0 : labels.Max(l => TextMetrics.Width(l.Label, Style.TickFont));
        double titleWidth = title is null ? 0 : TextMetrics.Width(title, Style.TickFont) - BarWidth;
        return Gap + BarWidth + 6 + Math.Max(labelWidth, titleWidth) + 6;
    }

    public static void Draw(SvgWriter svg, Colorscale scale, double min, double max, string? title, Box plot, int panel)
    {
        double x = plot.Right + Gap;
        double top = plot.Y + (title is null ? 0 : 22), bottom = plot.Bottom;
        string gradient = $"{SvgRenderer.IdToken}-cb{panel}";
        svg.Raw($"<defs><linearGradient id=\"{gradient}\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        foreach (var (position, color) in scale.Stops)
            svg.Raw($"<stop offset=\"{SvgWriter.N(position * 100)}%\" stop-color=\"{color}\"/>");
        svg.Raw("</linearGradient></defs>\n");
        svg.Rect(x, top, BarWidth, bottom - top, $"url(#{gradient})", $"stroke=\"{Style.Grid}\" stroke-width=\"0.5\"");
        if (title is not null) svg.Text(x, plot.Y + 12, title, Style.TickFont, fill: Style.MutedText);
        foreach (var (value, label) in Labels(min, max, bottom - top))
        {
            double y = bottom - (value - min) / (max - min) * (bottom - top);
            svg.Line(x + BarWidth, y, x + BarWidth + 4, y, Style.AxisLine);
            svg.Text(x + BarWidth + 6, y + 4, label, Style.TickFont);
        }
    }

    private static List<(double Value, string Label)> Labels(double min, double max, double height)
    {
        var (values, decimals) = NiceTicks.Compute(min, max, Math.Max(2, (int)(height / 45)));
        return [.. values.Select(v => (v, GermanNumber.Format(v, decimals)))];
    }
}
