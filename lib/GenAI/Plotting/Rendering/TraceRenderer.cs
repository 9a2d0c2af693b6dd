using System.Text;
using GenAI.Core;

namespace GenAI.Plotting;

/// <summary>Draws the data of one panel: lines, markers, labels, bars, histogram bins, heatmap cells.</summary>
internal static class TraceRenderer
{
    public static void Draw(SvgWriter svg, Figure figure, Subplot subplot, Scale x, Scale y, Box plot)
    {
        var bars = subplot.Traces.OfType<BarTrace>().ToList();
        foreach (var trace in subplot.Traces)
        {
            string color = figure.ColorOf(trace);
            switch (trace)
            {
                case HeatmapTrace h: Heatmap(svg, h, x, y); break;
                case HistogramTrace h: Histogram(svg, h, HistogramOpacity(h, subplot), color, x, y); break;
                case BarTrace b: Bar(svg, b, bars.IndexOf(b), bars.Count, color, x, y); break;
                case ScatterTrace s: Scatter(svg, s, color, x, y); break;
            }
        }
    }

    /// <summary>Overlaid histograms are see-through so each stays visible (plotly: barmode "overlay").</summary>
    internal static double HistogramOpacity(HistogramTrace h, Subplot subplot) =>
        h.Opacity < 1 ? h.Opacity : subplot.Traces.Count(t => t is HistogramTrace) > 1 ? 0.6 : 1;

    private static void Scatter(SvgWriter svg, ScatterTrace s, string color, Scale x, Scale y)
    {
        if (s.HasLine)
        {
            var d = new StringBuilder();
            bool pen = false;
            for (int i = 0; i < s.X.Length; i++)
            {
                double px = x.Map(s.X[i]), py = y.Map(s.Y[i]);
                if (!double.IsFinite(px) || !double.IsFinite(py)) { pen = false; continue; }
                d.Append(pen ? 'L' : 'M').Append(SvgWriter.N(px)).Append(' ').Append(SvgWriter.N(py));
                pen = true;
            }
            svg.Raw($"<path d=\"{d}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{SvgWriter.N(s.LineWidth)}\" "
                + $"stroke-linejoin=\"round\" stroke-linecap=\"round\"{(s.Dashed ? " stroke-dasharray=\"6 4\"" : "")}/>\n");
        }
        if (s.HasMarkers)
        {
            double r = s.MarkerSize / 2;
            string opacity = s.Opacity < 1 ? $" fill-opacity=\"{s.Opacity.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}\"" : "";
            svg.Raw($"<g fill=\"{color}\"{opacity} stroke=\"#ffffff\" stroke-width=\"0.5\">\n");
            double cmin = 0, cmax = 1;
            if (s.ColorValues is not null)
            {
                var finite = s.ColorValues.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
                (cmin, cmax) = (finite.Min(), finite.Max());
                if (cmax <= cmin) cmax = cmin + 1;
            }
            for (int i = 0; i < s.X.Length; i++)
            {
                double px = x.Map(s.X[i]), py = y.Map(s.Y[i]);
                if (!double.IsFinite(px) || !double.IsFinite(py)) continue;
                string fill = s.ColorValues is null ? "" : $" fill=\"{s.Colorscale.ColorAt((s.ColorValues[i] - cmin) / (cmax - cmin))}\"";
                svg.Raw($"<circle cx=\"{SvgWriter.N(px)}\" cy=\"{SvgWriter.N(py)}\" r=\"{SvgWriter.N(r)}\"{fill}/>\n");
            }
            svg.Raw("</g>\n");
        }
    }

    internal static void PointLabels(SvgWriter svg, ScatterTrace s, Scale x, Scale y)
    {
        if (s.Text is not null)
        {
            // A white halo (paint-order stroke) keeps labels readable over points and grid lines.
            svg.Raw("<g font-size=\"11\" text-anchor=\"middle\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n");
            for (int i = 0; i < s.X.Length; i++)
            {
                double px = x.Map(s.X[i]), py = y.Map(s.Y[i]);
                if (!double.IsFinite(px) || !double.IsFinite(py)) continue;
                svg.Raw($"<text x=\"{SvgWriter.N(px)}\" y=\"{SvgWriter.N(py - s.MarkerSize / 2 - 4)}\" fill=\"{Style.Text}\">"
                    + $"{SvgWriter.Escape(s.Text[i])}</text>\n");
            }
            svg.Raw("</g>\n");
        }
    }

    private static void Bar(SvgWriter svg, BarTrace b, int slot, int slots, string color, Scale x, Scale y)
    {
        double group = x.Band * 0.8, width = group / slots;
        // On a log axis there is no 0: bars grow from the bottom of the axis, as plotly.js draws them.
        double zero = y.Map(y.Spec.Log ? y.Spec.Min : 0);
        double plotTop = Math.Min(y.Map(y.Spec.Min), y.Map(y.Spec.Max));
        string opacity = b.Opacity < 1 ? $"fill-opacity=\"{b.Opacity.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}\"" : "";
        for (int i = 0; i < b.Values.Length; i++)
        {
            int category = Array.IndexOf(x.Spec.Categories, b.Categories[i]);
            if (category < 0 || !double.IsFinite(b.Values[i])) continue;
            double left = x.Map(category) - group / 2 + slot * width;
            double top = y.Map(b.Values[i]);
            svg.Rect(left + 0.5, Math.Min(top, zero), width - 1, Math.Abs(zero - top), color, opacity);
            if (b.Texts is { } texts && i < texts.Length && !string.IsNullOrEmpty(texts[i]))
            {
                double ty = b.Values[i] >= 0 ? top - 5 : top + 14;
                // No room above the bar (its top touches the axis end): the text goes inside, as plotly.js places it.
                if (ty - 10 < plotTop && Math.Abs(zero - top) > 18)
                    svg.Text(left + width / 2, top + 14, texts[i], 11, "middle", Rgb.Parse(color).ContrastText());
                else
                    svg.Text(left + width / 2, ty, texts[i], 11, "middle");
            }
        }
    }

    private static void Histogram(SvgWriter svg, HistogramTrace h, double opacity, string color, Scale x, Scale y)
    {
        double zero = y.Map(0);
        string extra = "stroke=\"#ffffff\" stroke-width=\"1\""
            + (opacity < 1 ? $" fill-opacity=\"{opacity.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}\"" : "");
        for (int i = 0; i < h.Counts.Length; i++)
        {
            if (h.Counts[i] == 0) continue;
            double x0 = x.Map(h.BinStart + i * h.BinSize), x1 = x.Map(h.BinStart + (i + 1) * h.BinSize);
            double top = y.Map(h.Height(i));
            svg.Rect(Math.Min(x0, x1), top, Math.Abs(x1 - x0), zero - top, color, extra);
        }
    }

    private static void Heatmap(SvgWriter svg, HeatmapTrace h, Scale x, Scale y)
    {
        var (min, max) = h.Range();
        double w = x.Band, hh = y.Band;
        var columns = h.ColumnNames.Select(c => Array.IndexOf(x.Spec.Categories, c)).ToArray();
        var rows = h.RowNames.Select(r => Array.IndexOf(y.Spec.Categories, r)).ToArray();
        var texts = h.CellTexts;
        bool annotate = texts is not null;
        double longest = 0;
        if (texts is not null) foreach (var text in texts) longest = Math.Max(longest, text?.Length ?? 0);
        // Annotation size: fit the longest value into a cell, between 7 and 13 px; skip when cells are too small to read.
        double fontSize = Math.Min(13, Math.Min((w - 4) / Math.Max(1, longest * 0.6), hh * 0.5));
        if (!(annotate && fontSize >= 7) && h.Rows * h.Columns >= RasterCells)
        {
            HeatmapImage(svg, h, x, y, columns, rows, min, max);
            return;
        }
        for (int i = 0; i < h.Rows; i++)
        {
            for (int j = 0; j < h.Columns; j++)
            {
                double cx = x.Map(columns[j]), cy = y.Map(rows[i]);
                double v = h.Z[i, j];
                string fill = h.Colorscale.ColorAt((v - min) / (max - min));
                double gap = Math.Min(w, hh) > 6 ? 1 : 0;
                svg.Rect(cx - w / 2 + gap / 2, cy - hh / 2 + gap / 2, w - gap, hh - gap, fill);
                if (texts is not null && fontSize >= 7 && !string.IsNullOrEmpty(texts[i, j]))
                    svg.Text(cx, cy + fontSize * 0.36, texts[i, j], fontSize, "middle", Rgb.Parse(fill).ContrastText());
            }
        }
    }

    // From this many cells on, an unannotated heatmap is drawn as one embedded PNG with a pixel per cell instead of a
    // <rect> per cell: a 64 × 64 map is then ≈ 10 KB instead of ≈ 300 KB of SVG, and looks the same (no cell gap is
    // drawn at that size anyway), because image-rendering: pixelated keeps the cells sharp when scaled.
    private const int RasterCells = 256;

    private static void HeatmapImage(SvgWriter svg, HeatmapTrace h, Scale x, Scale y, int[] columns, int[] rows, double min, double max)
    {
        int nx = x.Spec.Categories.Length, ny = y.Spec.Categories.Length;
        // Pixel (0, 0) is the top-left cell: the category whose centre maps to the smallest x and the smallest y.
        bool xUp = x.Map(0) <= x.Map(nx - 1), yDown = y.Map(0) <= y.Map(ny - 1);
        var raster = new GenAI.Core.Raster(nx, ny, 3, fill: 255);
        for (int i = 0; i < h.Rows; i++)
            for (int j = 0; j < h.Columns; j++)
            {
                var rgb = Rgb.Parse(h.Colorscale.ColorAt((h.Z[i, j] - min) / (max - min)));
                int px = xUp ? columns[j] : nx - 1 - columns[j], py = yDown ? rows[i] : ny - 1 - rows[i];
                int at = (py * nx + px) * 3;
                raster.Pixels[at] = rgb.R; raster.Pixels[at + 1] = rgb.G; raster.Pixels[at + 2] = rgb.B;
            }
        double left = Math.Min(x.Map(0), x.Map(nx - 1)) - x.Band / 2, top = Math.Min(y.Map(0), y.Map(ny - 1)) - y.Band / 2;
        svg.Raw($"<image x=\"{SvgWriter.N(left)}\" y=\"{SvgWriter.N(top)}\" width=\"{SvgWriter.N(nx * x.Band)}\" height=\"{SvgWriter.N(ny * y.Band)}\" "
                + "preserveAspectRatio=\"none\" image-rendering=\"pixelated\" style=\"image-rendering:pixelated\" "
                + $"xlink:href=\"data:image/png;base64,{Convert.ToBase64String(raster.ToPng())}\"/>\n");
    }
}
