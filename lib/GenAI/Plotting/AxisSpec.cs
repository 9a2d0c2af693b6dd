namespace GenAI.Plotting;

/// <summary>
/// The resolved shape of one axis: categorical (labels in order) or linear/log (a numeric range).
/// Computed once from the data and the user's settings and used by BOTH the plotly.js JSON (as an
/// explicit range) and the SVG renderer, so the two pictures agree.
/// </summary>
internal sealed record AxisSpec(
    bool Categorical, string[] Categories, double Min, double Max,
    bool Reversed, bool Log, bool Visible, string? Title)
{
    /// <summary>Resolves the x and y axes of a subplot.</summary>
    public static (AxisSpec X, AxisSpec Y) For(Subplot subplot)
    {
        var traces = subplot.Traces;
        AxisSpec x, y;
        var xCategories = new List<string>();
        foreach (var t in traces)
        {
            var labels = t switch { BarTrace b => b.Categories, HeatmapTrace h => h.ColumnNames, _ => null };
            if (labels is null) continue;
            foreach (var label in labels) if (!xCategories.Contains(label)) xCategories.Add(label);
        }
        if (xCategories.Count > 0)
        {
            x = new AxisSpec(true, [.. xCategories], -0.5, xCategories.Count - 0.5, subplot.X.Reversed, false, subplot.X.Visible, subplot.X.Title);
        }
        else
        {
            var xs = new List<double>();
            bool pad = false;
            foreach (var t in traces)
            {
                if (t is ScatterTrace s) { xs.AddRange(s.X); pad |= s.HasMarkers; }
                if (t is HistogramTrace h) { xs.Add(h.BinStart); xs.Add(h.BinEnd); }
            }
            x = Linear(xs, pad, includeZero: false, subplot.X);
        }

        var heat = traces.OfType<HeatmapTrace>().ToList();
        if (heat.Count > 0)
        {
            var rows = new List<string>();
            foreach (var h in heat) foreach (var label in h.RowNames) if (!rows.Contains(label)) rows.Add(label);
            // As in plotly.js, the first row sits at the bottom unless the y axis is reversed (the course's heatmaps reverse it).
            y = new AxisSpec(true, [.. rows], -0.5, rows.Count - 0.5, subplot.Y.Reversed, false, subplot.Y.Visible, subplot.Y.Title);
        }
        else
        {
            var ys = new List<double>();
            bool pad = false, bars = false;
            foreach (var t in traces)
            {
                switch (t)
                {
                    case ScatterTrace s: ys.AddRange(s.Y); pad |= s.HasMarkers || s.HasLine; break;
                    case BarTrace b: ys.AddRange(b.Values); bars = true; break;
                    case HistogramTrace h: for (int i = 0; i < h.Counts.Length; i++) ys.Add(h.Height(i)); bars = true; break;
                }
            }
            y = Linear(ys, pad || bars, includeZero: bars, subplot.Y, topOnly: bars);
            // Point labels sit above their points: leave room so the top row is not cut off.
            if (traces.OfType<ScatterTrace>().Any(s => s.Text is not null) && subplot.Y.Max is null && !y.Log)
                y = y with { Max = y.Max + 0.07 * (y.Max - y.Min) };
        }
        return (x, y);
    }

    private static AxisSpec Linear(List<double> values, bool pad, bool includeZero, Axis axis, bool topOnly = false)
    {
        bool log = axis.Logarithmic;
        var finite = values.Where(v => double.IsFinite(v) && (!log || v > 0)).Select(v => log ? Math.Log10(v) : v).ToList();
        double min, max;
        if (finite.Count == 0) (min, max) = (0, 1);
        else (min, max) = (finite.Min(), finite.Max());
        if (includeZero && !log) { min = Math.Min(min, 0); max = Math.Max(max, 0); }
        if (max - min < 1e-12)
        {
            double half = Math.Abs(min) > 1e-12 ? Math.Abs(min) * 0.1 : 1;
            (min, max) = (min - half, max + half);
        }
        else if (pad)
        {
            double p = 0.05 * (max - min);
            if (!(topOnly && min == 0)) min -= p;
            if (!(topOnly && max == 0)) max += p;
        }
        if (log) (min, max) = (Math.Pow(10, min), Math.Pow(10, max));
        min = axis.Min ?? min;
        max = axis.Max ?? max;
        if (max <= min) throw new ArgumentException($"Die Achse \"{axis.Title}\" hat ein leeres Intervall [{min}, {max}]: wähle min < max.");
        if (log && min <= 0) throw new ArgumentException($"Eine logarithmische Achse braucht positive Grenzen, nicht {min}.");
        return new AxisSpec(false, [], min, max, axis.Reversed, log, axis.Visible, axis.Title);
    }
}
