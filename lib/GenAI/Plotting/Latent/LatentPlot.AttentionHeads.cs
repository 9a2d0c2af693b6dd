using Plotly.NET;
using Plotly.NET.CSharp;

namespace GenAI.Plotting;

public static partial class LatentPlot
{
    /// <summary>
    /// Every head of one attention layer side by side: <paramref name="weights"/> has shape [heads, queries, keys]
    /// (each row sums to 1), one heatmap per head in a grid of <paramref name="columns"/> columns (default: 2, so
    /// 4 heads form a 2×2 grid that fits a handout page at full size with every token labelled),
    /// all on the same scale from 0 (white) to 1 (dark blue), so heads can be compared. Rows are the tokens that ask
    /// (query), columns the tokens they look at (key); repeated tokens keep their own row and column.
    /// </summary>
    public static GenericChart AttentionHeads(float[,,] weights, IEnumerable<string> tokens, int? columns = null,
        string title = "Attention-Gewichte je Kopf", IEnumerable<string>? headNames = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(tokens);
        int heads = weights.GetLength(0), queries = weights.GetLength(1), keys = weights.GetLength(2);
        var labels = AxisLabels.Distinct(tokens);
        if (heads == 0) throw new ArgumentException("Die Gewichte brauchen mindestens einen Kopf.", nameof(weights));
        if (labels.Length != keys || queries > keys)
            throw new ArgumentException(
                $"{labels.Length} Tokens für Gewichte der Form [{heads}, {queries}, {keys}]: "
                + $"es braucht ein Token je Schlüssel (Key), die Anfragen sind die letzten {queries} davon.", nameof(tokens));
        var names = headNames?.ToArray() ?? [.. Enumerable.Range(1, heads).Select(h => $"Kopf {h}")];
        if (names.Length != heads) throw new ArgumentException($"{names.Length} Namen für {heads} Köpfe.", nameof(headNames));
        int cols = Math.Clamp(columns ?? Math.Min(heads, 2), 1, heads);
        int rows = (heads + cols - 1) / cols;

        var panels = new List<GenericChart>(heads);
        for (int h = 0; h < heads; h++)
        {
            var z = new double[queries, keys];
            for (int i = 0; i < queries; i++)
                for (int j = 0; j < keys; j++) z[i, j] = weights[h, i, j];
            // One scale for all heads (see the subtitle), so no colour bar per panel.
            panels.Add(ChartParts.Heatmap(z, labels, labels[(keys - queries)..], Colorscale.Blues, 0, 1, showScale: false));
        }
        // Square-ish panels, large enough that each token gets its tick label (about 14 px per token), but two of
        // them side by side stay within HandoutWidth: a wider figure is scaled down in the handout and its labels
        // become unreadable. Panels are a bit taller than wide, as the panel title takes room above the plot.
        int cell = Math.Clamp(90 + 14 * keys, 240, (HandoutWidth - 20) / 2);
        var figure = Plotly.NET.CSharp.Chart.Grid(panels, rows, cols, SubPlotTitles: names)
            .WithTitle(title, "Zeile = Anfrage (Query), Spalte = Schlüssel (Key); weiß = 0, dunkelblau = 1");
        return figure.WithSize(Math.Min(1800, cols * cell + 20), rows * (cell + 40) + 70);
    }

    /// <summary>Widest figure an exported handout shows at full size (its text column is 52rem minus the prompt).</summary>
    internal const int HandoutWidth = 760;
}
