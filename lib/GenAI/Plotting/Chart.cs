using System.Numerics;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Plotting;

/// <summary>
/// Factory methods for figures, named like Plotly.NET's: <c>Chart.Scatter(x, y).WithTitle("…")</c>.
/// Numbers come as <c>double[]</c>, <c>float[]</c>, <c>int[]</c> or any <c>IEnumerable</c> of numbers.
/// </summary>
public static partial class Chart
{
    /// <summary>A point cloud (markers). Optional: legend name, fixed colour, a text label per point.</summary>
    public static Figure Scatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null,
        IEnumerable<string>? text = null, double markerSize = 7, double opacity = 1)
        where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        var trace = new ScatterTrace(Values.ToDoubles(x, nameof(x)), Values.ToDoubles(y, nameof(y)))
        {
            Name = name, Color = color, MarkerSize = markerSize, Opacity = opacity,
            Text = text is null ? null : [.. text],
        };
        if (trace.Text is not null && trace.Text.Length != trace.X.Length)
            throw new ArgumentException($"{trace.Text.Length} Beschriftungen für {trace.X.Length} Punkte: jeder Punkt braucht genau eine.", nameof(text));
        return new Figure(trace);
    }

    /// <summary>A point cloud coloured by a value per point, with a colour bar (e.g. time step, loss).</summary>
    public static Figure ScatterByValue<TX, TY, TV>(IEnumerable<TX> x, IEnumerable<TY> y, IEnumerable<TV> values,
        string? colorbarTitle = null, Colorscale? colorscale = null, double markerSize = 7)
        where TX : INumberBase<TX> where TY : INumberBase<TY> where TV : INumberBase<TV>
    {
        var trace = new ScatterTrace(Values.ToDoubles(x, nameof(x)), Values.ToDoubles(y, nameof(y)))
        {
            ColorValues = Values.ToDoubles(values, nameof(values)), ColorbarTitle = colorbarTitle,
            Colorscale = colorscale ?? Colorscale.Viridis, MarkerSize = markerSize,
        };
        if (trace.ColorValues.Length != trace.X.Length)
            throw new ArgumentException($"{trace.ColorValues.Length} Farbwerte für {trace.X.Length} Punkte: jeder Punkt braucht genau einen.", nameof(values));
        return new Figure(trace);
    }

    /// <summary>
    /// A point cloud coloured by class: one legend entry per class, in class order, class k always in
    /// palette colour k. <paramref name="classes"/> are indices into <paramref name="classNames"/>.
    /// </summary>
    public static Figure ScatterByClass<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, IEnumerable<int> classes,
        IReadOnlyList<string> classNames, double markerSize = 6, double opacity = 0.8)
        where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        var xs = Values.ToDoubles(x, nameof(x));
        var ys = Values.ToDoubles(y, nameof(y));
        var labels = classes.ToArray();
        if (labels.Length != xs.Length || ys.Length != xs.Length)
            throw new ArgumentException($"x ({xs.Length}), y ({ys.Length}) und Klassen ({labels.Length}) brauchen gleich viele Werte.", nameof(classes));
        if (labels.Any(l => l < 0 || l >= classNames.Count))
            throw new ArgumentException(
                $"Klasse {labels.First(l => l < 0 || l >= classNames.Count)} hat keinen Namen: "
                + $"es gibt {classNames.Count} Klassennamen (0 bis {classNames.Count - 1}).", nameof(classes));
        var traces = new List<Trace>();
        for (int k = 0; k < classNames.Count; k++)
        {
            var idx = Enumerable.Range(0, labels.Length).Where(i => labels[i] == k).ToArray();
            if (idx.Length == 0) continue;
            traces.Add(new ScatterTrace([.. idx.Select(i => xs[i])], [.. idx.Select(i => ys[i])])
            {
                Name = classNames[k], Color = Palette.At(k), MarkerSize = markerSize, Opacity = opacity, ShowLegend = true,
            });
        }
        return new Figure([new Subplot { Traces = { } }.With(traces)], 1, 1) { ShowLegend = true };
    }

    /// <summary>
    /// A point cloud coloured by category label, one legend entry per distinct label in order of first appearance.
    /// </summary>
    public static Figure ScatterByCategory<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, IEnumerable<string> categories,
        double markerSize = 7, double opacity = 0.85)
        where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        var labels = categories.ToArray();
        var names = labels.Distinct().ToList();
        return ScatterByClass(x, y, labels.Select(l => names.IndexOf(l)), names, markerSize, opacity);
    }

    /// <summary>A curve through (x, y); with <paramref name="markers"/> the points are marked too.</summary>
    public static Figure Line<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null,
        bool markers = false, bool dashed = false, double width = 2)
        where TX : INumberBase<TX> where TY : INumberBase<TY>
        => new(new ScatterTrace(Values.ToDoubles(x, nameof(x)), Values.ToDoubles(y, nameof(y)))
        {
            Name = name, Color = color, Mode = markers ? ScatterMode.LinesAndMarkers : ScatterMode.Lines,
            Dashed = dashed, LineWidth = width, MarkerSize = 6,
        });

    /// <summary>A curve over the positions 0, 1, 2 … (e.g. the loss per training step).</summary>
    public static Figure Line<TY>(IEnumerable<TY> y, string? name = null, string? color = null, bool markers = false)
        where TY : INumberBase<TY>
    {
        var ys = Values.ToDoubles(y, nameof(y));
        return Line(Enumerable.Range(0, ys.Length), ys, name, color, markers);
    }

    /// <summary>Bars over category labels; <paramref name="showValues"/> prints each value above its bar.</summary>
    public static Figure Bar<T>(IEnumerable<string> categories, IEnumerable<T> values, string? name = null, string? color = null,
        bool showValues = false, int decimals = 2)
        where T : INumberBase<T>
        => new(new BarTrace([.. categories], Values.ToDoubles(values, nameof(values)))
        {
            Name = name, Color = color, ShowValues = showValues, Decimals = decimals,
        });

    /// <summary>A histogram of <paramref name="values"/> with about <paramref name="bins"/> bins of a round width.</summary>
    public static Figure Histogram<T>(IEnumerable<T> values, int? bins = null, string? name = null, string? color = null,
        HistogramNorm norm = HistogramNorm.Count, double opacity = 1)
        where T : INumberBase<T>
        => new(new HistogramTrace(Values.ToDoubles(values, nameof(values)), bins)
        {
            Name = name, Color = color, Norm = norm, Opacity = opacity,
        });

    /// <summary>
    /// A heatmap of a matrix, shape [rows, columns], row 0 at the top; <paramref name="annotate"/> prints
    /// each value (German decimal comma) in its cell.
    /// </summary>
    public static Figure Heatmap<T>(T[,] z, IEnumerable<string>? columnLabels = null, IEnumerable<string>? rowLabels = null,
        bool annotate = false, int decimals = 2, Colorscale? colorscale = null, double? zMin = null, double? zMax = null,
        string? colorbarTitle = null)
        where T : INumberBase<T>
        => Heatmap(Values.ToDoubles(z, nameof(z)), columnLabels, rowLabels, annotate, decimals, colorscale, zMin, zMax, colorbarTitle);

    /// <summary>A heatmap from rows of numbers (jagged arrays, lists of lists).</summary>
    public static Figure Heatmap<T>(IEnumerable<IEnumerable<T>> rows, IEnumerable<string>? columnLabels = null, IEnumerable<string>? rowLabels = null,
        bool annotate = false, int decimals = 2, Colorscale? colorscale = null, double? zMin = null, double? zMax = null,
        string? colorbarTitle = null)
        where T : INumberBase<T>
        => Heatmap(Values.ToMatrix(rows, nameof(rows)), columnLabels, rowLabels, annotate, decimals, colorscale, zMin, zMax, colorbarTitle);

    private static Figure Heatmap(double[,] z, IEnumerable<string>? columnLabels, IEnumerable<string>? rowLabels,
        bool annotate, int decimals, Colorscale? colorscale, double? zMin, double? zMax, string? colorbarTitle)
    {
        var trace = new HeatmapTrace(z)
        {
            ColumnLabels = columnLabels?.ToArray(), RowLabels = rowLabels?.ToArray(), Annotate = annotate, Decimals = decimals,
            Colorscale = colorscale ?? Colorscale.Viridis, ZMin = zMin, ZMax = zMax, ColorbarTitle = colorbarTitle,
        };
        if (trace.ColumnLabels is { } c && c.Length != trace.Columns)
            throw new ArgumentException($"{c.Length} Spaltenbeschriftungen für {trace.Columns} Spalten.", nameof(columnLabels));
        if (trace.RowLabels is { } r && r.Length != trace.Rows)
            throw new ArgumentException($"{r.Length} Zeilenbeschriftungen für {trace.Rows} Zeilen.", nameof(rowLabels));
        return new Figure(trace);
    }

    /// <summary>A grayscale image, shape [height, width]; <paramref name="min"/> is black, <paramref name="max"/> white.</summary>
    public static Figure Image(float[,] pixels, double min = 0, double max = 1)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        int h = pixels.GetLength(0), w = pixels.GetLength(1);
        var flat = new float[h * w];
        Buffer.BlockCopy(pixels, 0, flat, 0, flat.Length * sizeof(float));
        return Image(Raster.FromGray(flat, w, h, min, max));
    }

    /// <summary>A grayscale image from a flat row-major array (e.g. 784 values → 28×28).</summary>
    public static Figure Image(float[] pixels, int width, int height, double min = 0, double max = 1) =>
        Image(Raster.FromGray(pixels, width, height, min, max));

    /// <summary>An image from a raster (grayscale or RGB).</summary>
    public static Figure Image(Raster image)
    {
        var figure = new Figure(new ImageTrace(image));
        // Default size keeps the picture's aspect ratio at about 320 px on the long side.
        double scale = 320.0 / Math.Max(image.Width, image.Height);
        figure.Width = Math.Max(160, (int)Math.Round(image.Width * scale) + 40);
        figure.Height = Math.Max(140, (int)Math.Round(image.Height * scale) + 40);
        return figure;
    }

    /// <summary>
    /// Overlays the traces of several single-panel figures in one panel (Plotly.NET's <c>Chart.Combine</c>); title and axes come from the first.
    /// </summary>
    public static Figure Combine(params IEnumerable<Figure> figures)
    {
        var list = figures.ToList();
        if (list.Count == 0) throw new ArgumentException("Chart.Combine braucht mindestens eine Abbildung.", nameof(figures));
        var first = list[0];
        var panel = first.Subplots[0].Clone();
        panel.Traces.Clear();
        foreach (var f in list) panel.Traces.AddRange(f.Subplots.SelectMany(s => s.Traces));
        return new Figure([panel], 1, 1)
        {
            Title = first.Title, Subtitle = first.Subtitle, Width = first.Width, Height = first.Height,
            ShowLegend = first.ShowLegend, LegendTitle = first.LegendTitle,
        };
    }

    /// <summary>
    /// Puts figures side by side in a grid of <paramref name="rows"/>×<paramref name="columns"/> panels,
    /// row by row; each figure's title becomes its panel title. The size grows with the grid.
    /// </summary>
    public static Figure Grid(int rows, int columns, params IEnumerable<Figure> figures)
    {
        if (rows < 1 || columns < 1)
            throw new ArgumentOutOfRangeException(nameof(rows), $"Ein Raster braucht mindestens 1×1 Felder, nicht {rows}×{columns}.");
        var list = figures.ToList();
        var panels = new List<Subplot>();
        foreach (var f in list)
        {
            if (f.Subplots.Count != 1) throw new ArgumentException("Chart.Grid nimmt nur Abbildungen mit einem Teilbild.", nameof(figures));
            var panel = f.Subplots[0].Clone();
            panel.Title = f.Title ?? panel.Title;
            panels.Add(panel);
        }
        var first = list.FirstOrDefault();
        return new Figure(panels, rows, columns)
        {
            Width = Math.Min(1400, columns * 380 + 40),
            Height = Math.Min(1400, rows * 320 + 40),
            ShowLegend = list.Any(f => f.ShowLegend == true) ? true : null,
            LegendTitle = first?.LegendTitle,
        };
    }
}

internal static class SubplotExtensions
{
    public static Subplot With(this Subplot subplot, IEnumerable<Trace> traces)
    {
        subplot.Traces.AddRange(traces);
        return subplot;
    }
}
