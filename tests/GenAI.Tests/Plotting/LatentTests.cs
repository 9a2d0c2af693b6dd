using GenAI.Display;
using GenAI.Numerics;
using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class LatentTests
{
    /// <summary>
    /// Oracle data: all 8 sign combinations of ±3·u₁ ± 2·u₂ ± 1·u₃ plus an offset, where u are the first
    /// columns of a Householder reflection (orthonormal by construction). Then exactly: mean = offset,
    /// covariance = 8/7·(9 u₁u₁ᵀ + 4 u₂u₂ᵀ + 1 u₃u₃ᵀ), variance ratios 9/14, 4/14, 1/14.
    /// </summary>
    private static (float[,] Data, double[][] Axes) Oracle(int d)
    {
        var v = Enumerable.Range(0, d).Select(i => 1.0 + 0.37 * i * (i % 2 == 0 ? 1 : -1)).ToArray();
        double vv = v.Sum(x => x * x);
        double[] Column(int k) => [.. Enumerable.Range(0, d).Select(i => (i == k ? 1 : 0) - 2 * v[i] * v[k] / vv)];
        var axes = new[] { Column(0), Column(1), Column(2) };
        double[] scales = [3, 2, 1];
        var data = new float[8, d];
        for (int s = 0; s < 8; s++)
            for (int i = 0; i < d; i++)
            {
                double x = 5 + i; // offset
                for (int k = 0; k < 3; k++) x += ((s >> k) & 1) == 1 ? scales[k] * axes[k][i] : -scales[k] * axes[k][i];
                data[s, i] = (float)x;
            }
        return (data, axes);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Pca_finds_the_known_axes_and_variances(bool iterate)
    {
        var (data, axes) = Oracle(6);
        var pca = Pca.Fit(data, 2, forceIteration: iterate);
        Assert.That(pca.ExplainedVariance, Is.EqualTo(new[] { 9 * 8.0 / 7, 4 * 8.0 / 7 }).Within(1e-4));
        Assert.That(pca.ExplainedVarianceRatio, Is.EqualTo(new[] { 9 / 14.0, 4 / 14.0 }).Within(1e-5));
        Assert.That(pca.Mean, Is.EqualTo(new double[] { 5, 6, 7, 8, 9, 10 }).Within(1e-5));
        for (int k = 0; k < 2; k++)
        {
            double dot = Enumerable.Range(0, 6).Sum(i => pca.Components[k, i] * axes[k][i]);
            Assert.That(Math.Abs(dot), Is.EqualTo(1).Within(1e-6), $"component {k} is ±u{k + 1}");
            // Sign convention: the largest-magnitude entry is positive.
            var row = Enumerable.Range(0, 6).Select(i => pca.Components[k, i]).ToArray();
            Assert.That(row.MaxBy(Math.Abs), Is.GreaterThan(0));
        }
    }

    [Test]
    public void Pca_iteration_agrees_with_jacobi_on_random_data()
    {
        var rng = new SampleFigures.Lcg(3);
        var data = new float[200, 30];
        for (int i = 0; i < 200; i++) for (int j = 0; j < 30; j++) data[i, j] = (float)(rng.Normal() * (1 + j % 7) + (j < 3 ? 0.5 * data[i, 0] : 0));
        var exact = Pca.Fit(data, 3);
        var iterated = Pca.Fit(data, 3, forceIteration: true);
        Assert.That(iterated.ExplainedVariance, Is.EqualTo(exact.ExplainedVariance).Within(1e-6));
        var a = exact.Transform(data);
        var b = iterated.Transform(data);
        for (int i = 0; i < 200; i++) Assert.That(b[i, 0], Is.EqualTo(a[i, 0]).Within(1e-3));
    }

    [Test]
    public void Pca_projection_of_the_oracle_has_the_known_coordinates()
    {
        var (data, _) = Oracle(4);
        var projected = Pca.Fit(data, 2).Transform(data);
        var firstCoordinates = Enumerable.Range(0, 8).Select(i => Math.Round(Math.Abs(projected[i, 0]), 4)).Distinct();
        Assert.That(firstCoordinates, Is.EqualTo(new[] { 3.0 }));
        Assert.That(Pca.Fit(data, 2).Describe(), Is.EqualTo("PC 1 erklärt 64,3 %, PC 2 28,6 % der Varianz (zusammen 92,9 %)"));
    }

    [Test]
    public void Linear_interpolation_includes_both_endpoints()
    {
        var path = Interpolation.Linear([0f, 2f], [4f, -2f], 5);
        Assert.That(path[0, 0], Is.EqualTo(0)); Assert.That(path[4, 1], Is.EqualTo(-2));
        Assert.That(path[2, 0], Is.EqualTo(2)); Assert.That(path[2, 1], Is.EqualTo(0));
    }

    [Test]
    public void Spherical_interpolation_keeps_the_norm_between_orthogonal_codes()
    {
        var path = Interpolation.Spherical([3f, 0f], [0f, 3f], 7);
        for (int s = 0; s < 7; s++)
            Assert.That(Math.Sqrt(path[s, 0] * path[s, 0] + path[s, 1] * path[s, 1]), Is.EqualTo(3).Within(1e-5));
        Assert.That(path[3, 0], Is.EqualTo(3 / Math.Sqrt(2)).Within(1e-5), "the midpoint bisects the angle");
        Assert.That(path[6, 1], Is.EqualTo(3).Within(1e-6));
        // The straight line cuts the corner instead.
        var line = Interpolation.Linear([3f, 0f], [0f, 3f], 7);
        Assert.That(Math.Sqrt(line[3, 0] * line[3, 0] + line[3, 1] * line[3, 1]), Is.LessThan(2.2));
    }

    [Test]
    public void Decoded_grid_puts_small_z1_left_and_large_z2_on_top()
    {
        float[,]? seen = null;
        // A 1×1 "image" per code: brightness = (z₁ + 1) / 2 so the layout can be read back.
        var grid = LatentPlot.DecodedGrid(z =>
        {
            seen = z;
            var images = new float[z.GetLength(0), 1];
            for (int i = 0; i < z.GetLength(0); i++) images[i, 0] = (z[i, 0] + 1) / 2;
            return images;
        }, steps: 3, min: -1, max: 1, width: 1, height: 1, scale: 1);
        Assert.That(seen!.GetLength(0), Is.EqualTo(9));
        Assert.That((seen[0, 0], seen[0, 1]), Is.EqualTo((-1f, 1f)), "top-left code");
        Assert.That((seen[8, 0], seen[8, 1]), Is.EqualTo((1f, -1f)), "bottom-right code");
        var raster = grid.ToRaster();
        Assert.That(raster.Pixels[0], Is.EqualTo(0));
        Assert.That(raster.Pixels[raster.Width - 1], Is.EqualTo(255));
        Assert.That(grid.ToSvg(), Does.Contain(">−1<").And.Contain(">1<"));
    }

    [Test]
    public void A_decoder_returning_the_wrong_batch_is_reported()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LatentPlot.DecodedGrid(_ => new float[3, 4], steps: 2));
        Assert.That(error!.Message, Does.Contain("4 Codes"));
    }

    [Test]
    public void High_dimensional_codes_are_projected_and_the_variance_is_stated()
    {
        var (data, _) = Oracle(5);
        var figure = LatentPlot.Scatter(data, new[] { 0, 0, 1, 1, 0, 0, 1, 1 }, ["Hose", "Kleid"]).Model();
        Assert.That(figure.Subtitle, Is.EqualTo("PCA von 5 auf 2 Dimensionen: zeigt 92,9 % der Varianz"));
        Assert.That(figure.Subplots[0].X.Title, Is.EqualTo("Hauptkomponente 1 (64,3 %)"));
        Assert.That(figure.Traces.Select(t => t.Name), Is.EqualTo(new[] { "Hose", "Kleid" }));
    }

    [Test]
    public void Cosine_similarity_of_a_vector_with_itself_is_one_and_with_its_opposite_minus_one()
    {
        var figure = LatentPlot.CosineSimilarity(new float[,] { { 1, 0 }, { -2, 0 }, { 0, 5 } }, ["a", "b", "c"]).Model();
        var z = ((HeatmapTrace)figure.Traces.Single()).Z;
        Assert.That(z[0, 0], Is.EqualTo(1).Within(1e-12));
        Assert.That(z[0, 1], Is.EqualTo(-1).Within(1e-12));
        Assert.That(z[0, 2], Is.EqualTo(0).Within(1e-12));
    }
}
