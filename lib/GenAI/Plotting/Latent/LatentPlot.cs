using GenAI.Core;
using GenAI.Display;
using GenAI.Numerics;
using Plotly.NET;
using Plotly.NET.CSharp;

namespace GenAI.Plotting;

/// <summary>
/// Plots for latent spaces: codes coloured by class (PCA to 2-D when there are more dimensions), the
/// decoded image grid over a 2-D latent range, interpolation strips, and heatmaps of similarity and
/// attention matrices. Models stay out of this class: decoders come in as delegates.
/// </summary>
public static partial class LatentPlot
{
    /// <summary>
    /// Scatter of latent codes, shape [N, D], coloured by class with German class names. With D = 2 the
    /// axes are z₁ and z₂; with D &gt; 2 the codes are projected on their first two principal components
    /// and the subtitle states how much of the variance the picture shows.
    /// </summary>
    public static GenericChart Scatter(float[,] codes, IEnumerable<int> labels, IReadOnlyList<string> classNames, string title = "Latenter Raum")
    {
        ArgumentNullException.ThrowIfNull(codes);
        int d = codes.GetLength(1);
        if (d < 2) throw new ArgumentException($"Für ein Streudiagramm braucht der latente Code mindestens 2 Dimensionen, nicht {d}.", nameof(codes));
        var points = codes;
        string xTitle = "z₁", yTitle = "z₂";
        string? subtitle = null;
        if (d > 2)
        {
            var pca = Pca.Fit(codes, 2);
            points = pca.Transform(codes);
            xTitle = $"Hauptkomponente 1 ({GermanNumber.Percent(pca.ExplainedVarianceRatio[0])})";
            yTitle = $"Hauptkomponente 2 ({GermanNumber.Percent(pca.ExplainedVarianceRatio[1])})";
            subtitle = $"PCA von {d} auf 2 Dimensionen: zeigt {GermanNumber.Percent(pca.ExplainedVarianceRatio.Sum())} der Varianz";
        }
        int n = points.GetLength(0);
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = points[i, 0]; y[i] = points[i, 1]; }
        double markerSize = n > 2000 ? 4 : n > 500 ? 5 : 7;
        return ChartParts.ScatterByClass(x, y, labels, classNames, markerSize, opacity: n > 500 ? 0.6 : 0.85)
            .WithTitle(title, subtitle).WithAxisTitles(xTitle, yTitle).WithLegendTitle("Klasse").WithSize(720, 500);
    }

    /// <summary>
    /// Same as <see cref="Scatter(float[,], IEnumerable{int}, IReadOnlyList{string}, string)"/> with <c>long</c> labels
    /// (as datasets store them).
    /// </summary>
    public static GenericChart Scatter(float[,] codes, IEnumerable<long> labels, IReadOnlyList<string> classNames, string title = "Latenter Raum") =>
        Scatter(codes, labels.Select(l => checked((int)l)), classNames, title);

    /// <summary>
    /// Decodes an evenly spaced grid of latent codes and shows the images where they were decoded:
    /// columns go along z₁ from <paramref name="min"/> to <paramref name="max"/>, rows along z₂ from
    /// <paramref name="max"/> (top) to <paramref name="min"/> (bottom), as on a map. The decoder gets all
    /// codes as one batch, shape [steps², latentDimensions] (unused dimensions 0), and returns images
    /// as rows, shape [steps², height·width].
    /// </summary>
    public static ImageGrid DecodedGrid(Func<float[,], float[,]> decoder, int steps = 10, double min = -3, double max = 3,
        int latentDimensions = 2, int? width = null, int? height = null, int scale = 2, double pixelMin = 0, double pixelMax = 1)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), $"Das Raster braucht mindestens 2 Schritte pro Achse, nicht {steps}.");
        if (latentDimensions < 2)
            throw new ArgumentOutOfRangeException(nameof(latentDimensions),
                "Das Raster läuft über z₁ und z₂: der Code braucht mindestens 2 Dimensionen.");
        if (!(max > min)) throw new ArgumentException($"Der Bereich braucht min < max, nicht [{min}, {max}].", nameof(max));
        var grid = Axis(min, max, steps);
        var codes = new float[steps * steps, latentDimensions];
        for (int r = 0; r < steps; r++)
            for (int c = 0; c < steps; c++)
            {
                codes[r * steps + c, 0] = (float)grid[c];
                codes[r * steps + c, 1] = (float)grid[steps - 1 - r];
            }
        var images = decoder(codes);
        if (images is null || images.GetLength(0) != steps * steps)
            throw new InvalidOperationException(
                $"Der Decoder muss für {steps * steps} Codes genau {steps * steps} Bilder (Zeilen) liefern, lieferte {images?.GetLength(0) ?? 0}.");
        int decimals = NiceTicks.DecimalsFor((max - min) / (steps - 1)) > 0 ? 1 : 0;
        return ImageGrid.From(images, steps, steps, scale, width, height, pixelMin, pixelMax)
            .WithColumnCaptions([.. grid.Select(v => GermanNumber.Format(v, decimals))])
            .WithRowCaptions([.. grid.Reverse().Select(v => GermanNumber.Format(v, decimals))])
            .WithTitle("Dekodiert über z₁ (Spalten) und z₂ (Zeilen)");
    }

    private static double[] Axis(double min, double max, int steps) =>
        [.. Enumerable.Range(0, steps).Select(i => min + (max - min) * i / (steps - 1))];

    /// <summary>
    /// Decodes an interpolation path, shape [steps, D] (see <see cref="Interpolation"/>), and shows the
    /// images as one strip captioned with t = 0 … 1.
    /// </summary>
    public static ImageGrid InterpolationStrip(Func<float[,], float[,]> decoder, float[,] path, int? width = null, int? height = null,
        int scale = 2, double pixelMin = 0, double pixelMax = 1, string title = "Interpolation")
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(path);
        int steps = path.GetLength(0);
        var images = decoder(path);
        if (images is null || images.GetLength(0) != steps)
            throw new InvalidOperationException($"Der Decoder muss für {steps} Codes genau {steps} Bilder liefern, lieferte {images?.GetLength(0) ?? 0}.");
        return ImageGrid.From(images, 1, steps, scale, width, height, pixelMin, pixelMax)
            .WithColumnCaptions([.. Axis(0, 1, steps).Select(t => GermanNumber.Format(t, steps > 11 ? 2 : 1))])
            .WithTitle(title);
    }

    /// <summary>
    /// Cosine similarity of every pair of vectors (rows of <paramref name="vectors"/>, shape [N, D]) as an
    /// annotated heatmap on a blue–white–red scale from −1 to 1.
    /// </summary>
    public static GenericChart CosineSimilarity(float[,] vectors, IEnumerable<string> labels, bool annotate = true)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int n = vectors.GetLength(0), d = vectors.GetLength(1);
        var names = labels.ToArray();
        if (names.Length != n) throw new ArgumentException($"{names.Length} Beschriftungen für {n} Vektoren.", nameof(labels));
        var norms = new double[n];
        for (int i = 0; i < n; i++) { double s = 0; for (int j = 0; j < d; j++) s += vectors[i, j] * vectors[i, j]; norms[i] = Math.Sqrt(s); }
        var sim = new double[n, n]; // cos(a, b) = a·b / (|a||b|)
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
            {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += vectors[a, j] * vectors[b, j];
                sim[a, b] = norms[a] > 0 && norms[b] > 0 ? dot / (norms[a] * norms[b]) : 0;
            }
        int size = Math.Clamp(160 + 48 * n, 360, 900);
        return ChartParts.Heatmap(sim, names, names, Colorscale.BlueRed, -1, 1, "Kosinus", annotate && n <= 20)
            .WithTitle("Kosinus-Ähnlichkeit").WithSize(size + 80, size);
    }

    /// <summary>
    /// Attention weights, shape [queries, keys] (each row sums to 1), as a heatmap: rows are the tokens
    /// that ask (query), columns the tokens they attend to (key). For every head of a layer at once see
    /// <see cref="AttentionHeads(float[,,], IEnumerable{string}, int?, string, IEnumerable{string}?)"/>.
    /// </summary>
    public static GenericChart Attention(float[,] weights, IEnumerable<string> queryTokens, IEnumerable<string>? keyTokens = null, bool annotate = true)
    {
        ArgumentNullException.ThrowIfNull(weights);
        // Distinct labels: a repeated token would otherwise merge into one row/column of the categorical axis.
        var queries = AxisLabels.Distinct(queryTokens);
        var keys = keyTokens is null ? queries : AxisLabels.Distinct(keyTokens);
        int n = Math.Max(queries.Length, keys.Length);
        int size = Math.Clamp(160 + 44 * n, 360, 900);
        var z = new double[weights.GetLength(0), weights.GetLength(1)];
        for (int i = 0; i < z.GetLength(0); i++)
            for (int j = 0; j < z.GetLength(1); j++) z[i, j] = weights[i, j];
        return ChartParts.Heatmap(z, keys, queries, Colorscale.Blues, 0, 1, "Gewicht", annotate && n <= 16)
            .WithTitle("Attention-Gewichte").WithAxisTitles("Schlüssel (Key)", "Anfrage (Query)").WithSize(size + 100, size);
    }
}
