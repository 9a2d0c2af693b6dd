using GenAI.Display;
using GenAI.Numerics;
using GenAI.Plotting;
using TorchSharp;

namespace GenAI.Tests.Plotting;

public class TensorInputTests
{
    [Test]
    public void Image_batches_come_as_flat_rows_or_channel_first()
    {
        var flat = torch.tensor(Enumerable.Range(0, 2 * 16).Select(i => i / 31f).ToArray(), 2, 16);
        Assert.That(ImageGrid.From(flat, 1, 2, scale: 1).ToRaster().Width, Is.EqualTo(4 + 2 + 4));

        var gray = torch.zeros(3, 1, 5, 4);
        var raster = ImageGrid.From(gray, 1, 3, scale: 2).ToRaster();
        Assert.That((raster.Width, raster.Height, raster.Channels), Is.EqualTo((3 * 8 + 2 * 2, 10, 1)));

        // One red 1×1 RGB image, shape [1, 3, 1, 1].
        var rgb = ImageGrid.From(torch.tensor(new[] { 1f, 0f, 0f }, 1, 3, 1, 1), 1, 1, scale: 1).ToRaster();
        Assert.That(rgb.Pixels, Is.EqualTo(new byte[] { 255, 0, 0 }));
    }

    [Test]
    public void A_tensor_of_the_wrong_rank_is_refused_with_the_accepted_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageGrid.From(torch.zeros(new long[] { 2, 2, 2, 2, 2 }), 1, 2));
        Assert.That(error!.Message, Does.Contain("[N, H, W]"));
    }

    [Test]
    public void Pca_and_interpolation_accept_tensors()
    {
        var data = torch.tensor(new[] { 0f, 0f, 2f, 0f, 4f, 1f, 6f, 1f }, 4, 2);
        var pca = Pca.Fit(data, 1);
        Assert.That(pca.ExplainedVarianceRatio[0], Is.GreaterThan(0.9));
        Assert.That(pca.Transform(data).shape, Is.EqualTo(new long[] { 4, 1 }));
        var path = Interpolation.Spherical(torch.tensor(new[] { 1f, 0f }), torch.tensor(new[] { 0f, 1f }), 3);
        Assert.That(path.shape, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(path.data<float>().ToArray()[2], Is.EqualTo((float)Math.Sqrt(0.5)).Within(1e-6));
    }

    [Test]
    public void A_tensor_decoder_gets_one_batch_of_codes()
    {
        long[]? shape = null;
        var grid = LatentPlot.DecodedGrid(z => { shape = z.shape; return torch.ones(z.shape[0], 1, 2, 2); }, steps: 4);
        Assert.That(shape, Is.EqualTo(new long[] { 16, 2 }));
        Assert.That(grid.Rows * grid.Columns, Is.EqualTo(16));
    }

    [Test]
    public void Charts_accept_tensors()
    {
        var heatmap = ChartParts.Heatmap(torch.arange(6).reshape(2, 3)).Model().Traces.OfType<HeatmapTrace>().Single();
        Assert.That((heatmap.Rows, heatmap.Columns, heatmap.Z[1, 2]), Is.EqualTo((2, 3, 5.0)));
    }
}
