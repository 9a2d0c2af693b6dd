using GenAI.Torch;
using static GenAI.Torch.torch;

namespace GenAI.Tests.Torch;

public class ConvolutionTests
{
    private static Tensor R(ulong seed, params long[] shape) => randn(shape, generator: new Generator(seed));

    [Test]
    public void Conv2d_sums_each_window()
    {
        var x = arange(9, dtype: float32).reshape(1, 1, 3, 3);
        var y = nn.functional.conv2d(x, ones(1, 1, 2, 2));
        Assert.That(y.ToArray<float>(), Is.EqualTo(new float[] { 8, 12, 20, 24 }));
        var conv = nn.Conv2d(3, 8, 3, padding: Padding.Same);
        Assert.That(conv.forward(randn(2, 3, 5, 7)).shape, Is.EqualTo(new long[] { 2, 8, 5, 7 }));
        Assert.That(nn.Conv2d(3, 8, 3, stride: 2, padding: 1).forward(randn(1, 3, 28, 28)).shape, Is.EqualTo(new long[] { 1, 8, 14, 14 }));
    }

    [Test]
    public void Conv_transpose2d_with_stride_two_spreads_each_pixel_into_a_block()
    {
        var x = tensor(new float[] { 1, 2, 3, 4 }, 1, 1, 2, 2);
        var y = nn.functional.conv_transpose2d(x, ones(1, 1, 2, 2), stride: [2]);
        Assert.That(y.ToArray<float>(), Is.EqualTo(new float[] { 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4 }));
        var up = nn.ConvTranspose2d(16, 8, 4, stride: 2, padding: 1);
        Assert.That(up.forward(randn(2, 16, 7, 7)).shape, Is.EqualTo(new long[] { 2, 8, 14, 14 }));
        Assert.That(nn.ConvTranspose2d(4, 2, 3, stride: 2, padding: 1, output_padding: 1).forward(randn(1, 4, 7, 7)).shape, Is.EqualTo(new long[] { 1, 2, 14, 14 }));
    }

    [Test]
    public void Max_pool_and_nearest_upsample_compute_expected_values()
    {
        var x = arange(16, dtype: float32).reshape(1, 1, 4, 4);
        Assert.That(nn.MaxPool2d(2).forward(x).ToArray<float>(), Is.EqualTo(new float[] { 5, 7, 13, 15 }));
        var small = tensor(new float[] { 1, 2, 3, 4 }, 1, 1, 2, 2);
        Assert.That(nn.Upsample(scale_factor: [2, 2]).forward(small).ToArray<float>(),
            Is.EqualTo(new float[] { 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4 }));
        Assert.That(nn.functional.interpolate(small, size: [3, 3]).ToArray<float>(), Is.EqualTo(new float[] { 1, 1, 2, 1, 1, 2, 3, 3, 4 }));
    }

    [Test]
    public void Conv2d_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.conv2d(x[0], x[1], x[2], padding: [1]), R(1, 2, 3, 5, 4), R(2, 4, 3, 3, 3), R(3, 4));

    [Test]
    public void Strided_dilated_grouped_conv2d_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.conv2d(x[0], x[1], strides: [2], padding: [1], dilation: [2], groups: 2), R(4, 1, 4, 6, 6), R(5, 4, 2, 2, 2));

    [Test]
    public void Conv_transpose2d_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.conv_transpose2d(x[0], x[1], x[2], stride: [2], padding: [1], output_padding: [1]), R(6, 2, 3, 3, 3), R(7, 3, 2, 3, 3), R(8, 2));

    [Test]
    public void Max_pool2d_matches_finite_differences() =>
        // Distinct values 0.1 apart, so no finite-difference step flips which element wins a window.
        GradCheck.Check(x => nn.functional.max_pool2d(x[0], 3, stride: 2, padding: 1),
            randperm(100, generator: new Generator(9)).to_type(ScalarType.Float32).mul(0.1).reshape(2, 2, 5, 5));

    [Test]
    public void Upsample_nearest_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.interpolate(x[0], scale_factor: [2, 3]), R(10, 1, 2, 2, 3));

    [Test]
    public void Batch_norm_2d_matches_finite_differences()
    {
        var bn = nn.BatchNorm2d(3);
        GradCheck.Check(x => nn.functional.batch_norm(x[0], null, null, x[1], x[2], training: true), R(11, 2, 3, 2, 3), R(12, 3), R(13, 3));
        var y = bn.forward(R(14, 4, 3, 5, 5));
        Assert.That(y.mean([0L, 2L, 3L]).abs().max().item<float>(), Is.LessThan(1e-5));
        Assert.That(y.var([0L, 2L, 3L], unbiased: false).sub(1).abs().max().item<float>(), Is.LessThan(1e-3));
    }

    [Test]
    public void A_small_conv_net_trains_end_to_end()
    {
        manual_seed(3);
        // Two classes: a bright left half vs. a bright right half, plus noise.
        var labels = randint(0, 2, [32]);
        var left = cat([ones(1, 1, 8, 4), zeros(1, 1, 8, 4)], 3);
        var images = where(labels.reshape(-1, 1, 1, 1).eq(0), left, left.flip(3)) + randn(32, 1, 8, 8) * 0.3;
        var model = nn.Sequential(nn.Conv2d(1, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(4 * 4 * 4, 2));
        var opt = optim.Adam(model.parameters(), lr: 0.01);
        float first = 0, last = 0;
        for (int i = 0; i < 30; i++)
        {
            var loss = nn.functional.cross_entropy(model.forward(images), labels);
            if (i == 0) first = loss.item<float>();
            last = loss.item<float>();
            opt.zero_grad(); loss.backward(); opt.step();
        }
        Assert.That(last, Is.LessThan(0.3 * first));
    }
}
