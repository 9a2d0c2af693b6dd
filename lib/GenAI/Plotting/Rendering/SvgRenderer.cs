using System.Text;

namespace GenAI.Plotting;

/// <summary>
/// Draws a <see cref="Figure"/> as a standalone SVG 1.1 document: title and subtitle, panels in a grid
/// (axes with 1-2-5 ticks, light grid, German number labels, axis titles), a legend on the right and
/// a colour bar beside each panel that maps values to colours. What GitHub, printed handouts and
/// non-JavaScript viewers show, so it must read well on its own.
/// </summary>
internal static class SvgRenderer
{
    internal const string IdToken = "§ID§";

    public static string Render(Figure figure)
    {
        var svg = new SvgWriter();
        double width = figure.Width, height = figure.Height;

        double top = 10;
        if (figure.Title is not null)
        {
            var (title, titleSize) = Fitted(figure.Title, Style.TitleFont, width - 16, bold: true);
            svg.Text(width / 2, 30, title, titleSize, "middle", extra: "font-weight=\"600\"");
            top = 46;
            if (figure.Subtitle is not null)
            {
                var (subtitle, subtitleSize) = Fitted(figure.Subtitle, Style.SubtitleFont, width - 16);
                svg.Text(width / 2, 52, subtitle, subtitleSize, "middle", Style.MutedText);
                top = 66;
            }
        }

        double right = width, canvasHeight = height;
        var legend = figure.LegendVisible ? figure.Traces.Where(t => t.InLegend).ToList() : [];
        if (legend.Count > 0)
        {
            double legendWidth = Legend.Width(figure, legend);
            right = width - legendWidth;
            Legend.Draw(svg, figure, legend, right + 6, top + 6);
            // A legend longer than the figure extends the canvas downwards rather than losing entries.
            canvasHeight = Math.Max(height, (int)Math.Ceiling(Legend.Bottom(figure, legend, top + 6) + 6));
        }

        double cellWidth = (right - 6) / figure.Columns, cellHeight = (height - top - 6) / figure.Rows;
        for (int p = 0; p < figure.Subplots.Count; p++)
        {
            int row = p / figure.Columns, col = p % figure.Columns;
            var cell = new Box(6 + col * cellWidth, top + row * cellHeight, cellWidth, cellHeight);
            PanelRenderer.Draw(svg, figure, figure.Subplots[p], p, cell);
        }

        string body = svg.ToString();
        string id = "f" + Hash(body);
        var doc = new StringBuilder();
        doc.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"").Append(figure.Width)
           .Append("\" height=\"").Append(canvasHeight).Append("\" viewBox=\"0 0 ").Append(figure.Width).Append(' ').Append(canvasHeight)
           .Append("\" font-family=\"").Append(Style.FontFamily).Append("\" role=\"img\">\n");
        doc.Append("<title>").Append(SvgWriter.Escape(figure.Title ?? figure.ToString())).Append("</title>\n");
        doc.Append("<rect width=\"100%\" height=\"100%\" fill=\"").Append(Style.Background).Append("\"/>\n");
        doc.Append(body.Replace(IdToken, id, StringComparison.Ordinal));
        doc.Append("</svg>\n");
        return doc.ToString();
    }

    /// <summary>
    /// A title wider than the figure gets a smaller font (down to 70 % of its size) before it is shortened with "…",
    /// so a long subtitle of a narrow figure stays whole and inside the picture.
    /// </summary>
    private static (string Text, double FontSize) Fitted(string text, double fontSize, double maxWidth, bool bold = false)
    {
        maxWidth *= 0.92;   // TextMetrics approximates Arial; DejaVu Sans, which Linux browsers fall back to, runs wider
        if (bold) maxWidth /= 1.1;   // and the title's semibold glyphs are wider still
        double needed = TextMetrics.Width(text, fontSize);
        if (needed <= maxWidth) return (text, fontSize);
        double smaller = Math.Max(fontSize * 0.7, Math.Floor(fontSize * maxWidth / needed * 10) / 10);
        return (TextMetrics.Fit(text, smaller, maxWidth), smaller);
    }

    /// <summary>FNV-1a over the body: ids (clip paths, gradients) depend only on content, so output is deterministic,
    /// and two different figures inlined into one HTML page do not share ids.</summary>
    private static string Hash(string text)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in text) { h ^= c; h *= 1099511628211UL; }
        return h.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)[..10];
    }
}

internal readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
}
