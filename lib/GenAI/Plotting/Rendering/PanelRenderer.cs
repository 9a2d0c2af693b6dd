namespace GenAI.Plotting;

/// <summary>Draws one panel of a figure into its cell: axes, grid, traces (clipped to the plot area), colour bar.</summary>
internal static class PanelRenderer
{
    private const double TickLength = 5, AxisTitleGap = 22;

    public static void Draw(SvgWriter svg, Figure figure, Subplot subplot, int index, Box cell)
    {
        double top = cell.Y + 4;
        if (subplot.Title is not null)
        {
            svg.Text(cell.X + cell.Width / 2, cell.Y + 17, TextMetrics.Fit(subplot.Title, Style.PanelTitleFont, cell.Width - 8),
                Style.PanelTitleFont, "middle", extra: "font-weight=\"600\"");
            top = cell.Y + 28;
        }
        var (xSpec, ySpec) = AxisSpec.For(subplot);

        var colorbar = Colorbar.For(subplot);
        double estimatedHeight = Math.Max(40, cell.Bottom - top - 60);
        var yTicks = ySpec.Visible ? new Scale(ySpec, estimatedHeight, 0).Ticks(MaxTicksY(ySpec, estimatedHeight)) : [];
        double yLabelWidth = yTicks.Count == 0 ? 0 : yTicks.Max(t => TextMetrics.Width(t.Label, Style.TickFont));
        double left = cell.X + 6 + (ySpec.Visible ? yLabelWidth + TickLength + 6 : 0) + (ySpec.Title is null ? 0 : AxisTitleGap);
        double right = cell.Right - 12 - (colorbar is { } cb ? Colorbar.Width(cb.Min, cb.Max, cb.Title, estimatedHeight) : 0);

        var xScale = new Scale(xSpec, left, right);
        var xTicks = xSpec.Visible ? XTicks(xScale) : [];
        double xLabelWidth = xTicks.Count == 0 ? 0 : xTicks.Max(t => TextMetrics.Width(t.Label, Style.TickFont));
        bool rotate = xSpec.Categorical && xTicks.Count > 1 && xLabelWidth + 4 > xScale.Band * CategoryStep(xTicks);
        double xLabelHeight = !xSpec.Visible ? 0 : rotate ? Math.Min(xLabelWidth, 120) * 0.71 + 14 : 18;
        double bottom = cell.Bottom - 6 - (xSpec.Visible ? TickLength + xLabelHeight : 0) - (xSpec.Title is null ? 0 : AxisTitleGap);
        var plot = new Box(left, top + 8, right - left, bottom - top - 8);
        var yScale = new Scale(ySpec, plot.Bottom, plot.Y);
        yTicks = ySpec.Visible ? yScale.Ticks(MaxTicksY(ySpec, plot.Height)) : [];

        // Grid first, so data draws over it.
        if (xSpec.Visible && !xSpec.Categorical)
            foreach (var (v, _) in xTicks) { double x = xScale.Map(v); if (x > plot.X + 0.5) svg.Line(x, plot.Y, x, plot.Bottom, Style.Grid); }
        if (ySpec.Visible && !ySpec.Categorical)
            foreach (var (v, _) in yTicks) { double y = yScale.Map(v); if (y < plot.Bottom - 0.5) svg.Line(plot.X, y, plot.Right, y, Style.Grid); }

        string clip = $"{SvgRenderer.IdToken}-p{index}";
        svg.Raw($"<defs><clipPath id=\"{clip}\"><rect x=\"{SvgWriter.N(plot.X)}\" y=\"{SvgWriter.N(plot.Y)}\" "
            + $"width=\"{SvgWriter.N(plot.Width)}\" height=\"{SvgWriter.N(plot.Height)}\"/></clipPath></defs>\n");
        svg.Raw($"<g clip-path=\"url(#{clip})\">\n");
        TraceRenderer.Draw(svg, figure, subplot, xScale, yScale, plot);
        svg.Raw("</g>\n");
        // Point labels are not clipped: a word near the edge stays readable.
        foreach (var s in subplot.Traces.OfType<ScatterTrace>()) TraceRenderer.PointLabels(svg, s, xScale, yScale);

        if (xSpec.Visible)
        {
            svg.Line(plot.X, plot.Bottom, plot.Right, plot.Bottom, Style.AxisLine);
            foreach (var (v, label) in xTicks)
            {
                double x = xScale.Map(v);
                svg.Line(x, plot.Bottom, x, plot.Bottom + TickLength, Style.AxisLine);
                if (rotate)
                {
                    double ty = plot.Bottom + TickLength + 4;
                    svg.Text(x + 3, ty + 6, TextMetrics.Fit(label, Style.TickFont, 120), Style.TickFont, "end",
                        extra: $"transform=\"rotate(-45 {SvgWriter.N(x + 3)} {SvgWriter.N(ty + 6)})\"");
                }
                else svg.Text(x, plot.Bottom + TickLength + 14, label, Style.TickFont, "middle");
            }
            if (xSpec.Title is not null)
                svg.Text((plot.X + plot.Right) / 2, plot.Bottom + TickLength + xLabelHeight + 17, xSpec.Title, Style.AxisTitleFont, "middle");
        }
        if (ySpec.Visible)
        {
            svg.Line(plot.X, plot.Y, plot.X, plot.Bottom, Style.AxisLine);
            foreach (var (v, label) in yTicks)
            {
                double y = yScale.Map(v);
                svg.Line(plot.X - TickLength, y, plot.X, y, Style.AxisLine);
                svg.Text(plot.X - TickLength - 4, y + 4, label, Style.TickFont, "end");
            }
            if (ySpec.Title is not null)
            {
                double tx = plot.X - TickLength - 6 - yLabelWidth - 9, ty = (plot.Y + plot.Bottom) / 2;
                svg.Text(tx, ty, ySpec.Title, Style.AxisTitleFont, "middle", extra: $"transform=\"rotate(-90 {SvgWriter.N(tx)} {SvgWriter.N(ty)})\"");
            }
        }
        if (colorbar is { } bar) Colorbar.Draw(svg, bar.Scale, bar.Min, bar.Max, bar.Title, plot, index);
    }

    // Categorical labels one line apart (12 px text) need about 13 px each; fewer rows get every other label.
    private static int MaxTicksY(AxisSpec spec, double height) =>
        spec.Categorical ? Math.Max(1, (int)(height / 13)) : Math.Max(2, (int)(height / 55));

    /// <summary>x ticks whose labels do not collide: fewer ticks until the widest label fits its slot.</summary>
    private static List<(double Value, string Label)> XTicks(Scale scale)
    {
        if (scale.Spec.Categorical)
        {
            // Labels that need rotating sit a line (14 px) apart; narrow ones (single characters) fit side by side
            // in their own width plus a gap, so a 25-character sentence keeps every label in a 330 px panel.
            double widest = scale.Spec.Categories.Length == 0 ? 0 : scale.Spec.Categories.Max(c => TextMetrics.Width(c, Style.TickFont));
            return scale.Ticks(Math.Max(1, (int)(scale.Length / Math.Clamp(widest + 4, 11, 14))));
        }
        int max = Math.Max(2, (int)(scale.Length / 80));
        while (true)
        {
            var ticks = scale.Ticks(max);
            double widest = ticks.Count == 0 ? 0 : ticks.Max(t => TextMetrics.Width(t.Label, Style.TickFont));
            double slot = ticks.Count > 1 ? Math.Abs(scale.Map(ticks[1].Value) - scale.Map(ticks[0].Value)) : scale.Length;
            if (widest + 12 <= slot || max <= 2) return ticks;
            max--;
        }
    }

    private static int CategoryStep(List<(double Value, string Label)> ticks) =>
        ticks.Count > 1 ? (int)Math.Round(ticks[1].Value - ticks[0].Value) : 1;
}
