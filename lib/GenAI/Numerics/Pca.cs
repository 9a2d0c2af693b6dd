using GenAI.Core;

namespace GenAI.Numerics;

/// <summary>
/// Principal component analysis (Pearson 1901; Hotelling 1933): the directions of largest variance of
/// centred data, as eigenvectors of the covariance matrix C = XcᵀXc / (N − 1), shape [D, D].
/// Sign convention (deterministic, documented because eigenvectors are only defined up to sign): each
/// component is flipped so that its entry of largest absolute value is positive.
/// </summary>
public sealed partial class Pca
{
    private Pca(double[] mean, double[,] components, double[] variance, double totalVariance)
    {
        Mean = mean;
        Components = components;
        ExplainedVariance = variance;
        ExplainedVarianceRatio = [.. variance.Select(v => totalVariance > 0 ? v / totalVariance : 0)];
    }

    /// <summary>Mean of each input dimension, shape [D].</summary>
    public double[] Mean { get; }
    /// <summary>The principal axes as rows, shape [k, D], unit length, by decreasing variance.</summary>
    public double[,] Components { get; }
    /// <summary>Variance along each component (eigenvalues of the covariance matrix).</summary>
    public double[] ExplainedVariance { get; }
    /// <summary>Fraction of the total variance each component explains.</summary>
    public double[] ExplainedVarianceRatio { get; }
    /// <summary>Number of components kept.</summary>
    public int Count => ExplainedVariance.Length;

    /// <summary>Fits <paramref name="components"/> components to <paramref name="data"/>, shape [N samples, D dimensions].</summary>
    public static Pca Fit(float[,] data, int components = 2) => Fit(data, components, forceIteration: false);

    internal static Pca Fit(float[,] data, int components, bool forceIteration)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.GetLength(0), d = data.GetLength(1);
        if (n < 2) throw new ArgumentException($"Eine PCA braucht mindestens 2 Datenpunkte, nicht {n}.", nameof(data));
        if (components < 1 || components > d)
            throw new ArgumentOutOfRangeException(nameof(components), $"Es gibt nur {d} Dimensionen: wähle 1 bis {d} Hauptkomponenten, nicht {components}.");
        var mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += data[i, j];
        for (int j = 0; j < d; j++) mean[j] /= n;

        // C = XcᵀXc / (N−1), [D, D]: one rank-1 update per sample on the upper triangle (SIMD via
        // TensorPrimitives.MultiplyAdd), then mirrored.
        var upper = new double[d * d];
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) row[j] = data[i, j] - mean[j];
            for (int a = 0; a < d; a++)
            {
                double ra = row[a];
                if (ra == 0) continue;
                var target = upper.AsSpan(a * d + a, d - a);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(row.AsSpan(a), ra, target, target);
            }
        }
        var cov = new double[d, d];
        double trace = 0;
        for (int a = 0; a < d; a++)
        {
            for (int b = a; b < d; b++) { cov[a, b] = upper[a * d + b] / (n - 1); cov[b, a] = cov[a, b]; }
            trace += cov[a, a];
        }

        var (values, vectors) = SymmetricEigen.Top(cov, components, forceIteration);
        for (int k = 0; k < components; k++)
        {
            int largest = 0;
            for (int j = 1; j < d; j++) if (Math.Abs(vectors[k, j]) > Math.Abs(vectors[k, largest]) + 1e-12) largest = j;
            if (vectors[k, largest] < 0) for (int j = 0; j < d; j++) vectors[k, j] = -vectors[k, j];
            values[k] = Math.Max(0, values[k]);
        }
        return new Pca(mean, vectors, values, trace);
    }

    /// <summary>Projects <paramref name="data"/>, shape [N, D], onto the components: result [N, k].</summary>
    public float[,] Transform(float[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.GetLength(0), d = data.GetLength(1);
        if (d != Mean.Length) throw new ArgumentException($"Die PCA wurde auf {Mean.Length} Dimensionen angepasst, die Daten haben {d}.", nameof(data));
        var result = new float[n, Count];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < Count; k++)
            {
                double s = 0;
                for (int j = 0; j < d; j++) s += (data[i, j] - Mean[j]) * Components[k, j];
                result[i, k] = (float)s;
            }
        return result;
    }

    /// <summary>A German sentence on the explained variance, e.g. "PC 1 erklärt 42,1 %, PC 2 18,3 % der Varianz (zusammen 60,4 %)".</summary>
    public string Describe()
    {
        var parts = ExplainedVarianceRatio.Select((r, i) => $"PC {i + 1} {(i == 0 ? "erklärt " : "")}{GermanNumber.Percent(r)}");
        string text = string.Join(", ", parts) + " der Varianz";
        if (Count > 1) text += $" (zusammen {GermanNumber.Percent(ExplainedVarianceRatio.Sum())})";
        return text;
    }

    /// <inheritdoc/>
    public override string ToString() => $"PCA mit {Count} Komponenten über {Mean.Length} Dimensionen: {Describe()}";
}
