using System.Globalization;
using System.Numerics;
using GenAI.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.TraceObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace GenAI.Plotting;

/// <summary>
/// Plotly.NET building blocks the latent-space plots share and Plotly.NET has no single call for: a point cloud
/// coloured by class (one legend entry per class, class k always in palette colour k) and a matrix heatmap with
/// row 0 at the top, a fixed colour scale and German numbers printed in the cells.
/// </summary>
public static partial class ChartParts
{
    /// <summary>
    /// A point cloud coloured by class: one trace per class, in class order, class k in <see cref="Palette"/> colour k.
    /// <paramref name="classes"/> are indices into <paramref name="classNames"/>.
    /// </summary>
    public static GenericChart ScatterByClass<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, IEnumerable<int> classes,
        IReadOnlyList<string> classNames, double markerSize = 6, double opacity = 0.8)
        where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        var xs = x.Select(double.CreateChecked).ToArray();
        var ys = y.Select(double.CreateChecked).ToArray();
        var labels = classes.ToArray();
        if (labels.Length != xs.Length || ys.Length != xs.Length)
            throw new ArgumentException($"x ({xs.Length}), y ({ys.Length}) und Klassen ({labels.Length}) brauchen gleich viele Werte.", nameof(classes));
        if (labels.Where(l => l < 0 || l >= classNames.Count).Select(l => (int?)l).FirstOrDefault() is { } bad)
            throw new ArgumentException(
                $"Klasse {bad} hat keinen Namen: es gibt {classNames.Count} Klassennamen (0 bis {classNames.Count - 1}).", nameof(classes));
        var traces = new List<GenericChart>();
        for (int k = 0; k < classNames.Count; k++)
        {
            var idx = Enumerable.Range(0, labels.Length).Where(i => labels[i] == k).ToArray();
            if (idx.Length == 0) continue;
            traces.Add(Chart.Point<double, double, string>(
                x: idx.Select(i => xs[i]), y: idx.Select(i => ys[i]), Name: classNames[k], ShowLegend: true,
                Marker: Marker(Palette.At(k), markerSize, opacity)));
        }
        if (traces.Count == 0) throw new ArgumentException("Ohne Punkte gibt es kein Streudiagramm.", nameof(x));
        return Chart.Combine(traces);
    }

    /// <summary>A marker style: colour, diameter in pixels, opacity.</summary>
    public static Marker Marker(string color, double size, double opacity = 1)
    {
        var marker = new Marker();
        marker.SetProperty("color", color);
        marker.SetProperty("size", size);
        if (opacity < 1) marker.SetProperty("opacity", opacity);
        return marker;
    }

    /// <summary>
    /// A heatmap of a matrix, shape [rows, columns], row 0 at the top as matrices are written, on a fixed colour
    /// scale from <paramref name="zMin"/> to <paramref name="zMax"/>; with <paramref name="annotate"/> each value is
    /// printed in its cell with <paramref name="decimals"/> decimals and a decimal comma. Labels default to the
    /// indices 0, 1, 2 …; the colour scale to Viridis.
    /// </summary>
    public static GenericChart Heatmap(double[,] z, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null,
        Colorscale? colorscale = null, double? zMin = null, double? zMax = null, string? colorbarTitle = null,
        bool annotate = false, int decimals = 2, bool showScale = true)
    {
        ArgumentNullException.ThrowIfNull(z);
        int rows = z.GetLength(0), columns = z.GetLength(1);
        if (rows == 0 || columns == 0) throw new ArgumentException("Eine Heatmap braucht mindestens eine Zeile und eine Spalte.", nameof(z));
        columnLabels ??= Indices(columns);
        rowLabels ??= Indices(rows);
        colorscale ??= Colorscale.Viridis;
        if (columnLabels.Count != columns)
            throw new ArgumentException($"{columnLabels.Count} Spaltenbeschriftungen für {columns} Spalten.", nameof(columnLabels));
        if (rowLabels.Count != rows) throw new ArgumentException($"{rowLabels.Count} Zeilenbeschriftungen für {rows} Zeilen.", nameof(rowLabels));
        var matrix = Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, columns).Select(j => z[i, j]).ToArray()).ToArray();
        var chart = Chart.Heatmap<double, string, string, string>(
            zData: matrix, X: columnLabels.ToArray(), Y: rowLabels.ToArray(), ColorScale: colorscale.ToPlotly(), ShowScale: showScale, ReverseYAxis: true);
        if (zMin is { } lo) chart = chart.WithTraceProperty("zmin", lo);
        if (zMax is { } hi) chart = chart.WithTraceProperty("zmax", hi);
        if (colorbarTitle is not null)
        {
            var title = new Title();
            title.SetProperty("text", colorbarTitle);
            var colorbar = new DynamicObj.DynamicObj();
            colorbar.SetProperty("title", title);
            chart = chart.WithTraceProperty("colorbar", colorbar);
        }
        if (annotate)
        {
            var text = matrix.Select(row => row.Select(v => GermanNumber.Format(v, decimals)).ToArray()).ToArray();
            chart = chart.WithTraceProperty("text", text).WithTraceProperty("texttemplate", "%{text}");
        }
        return chart;
    }

    /// <summary>Labels 0, 1, 2 … for <paramref name="count"/> rows or columns.</summary>
    internal static string[] Indices(int count) =>
        [.. Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];
}
