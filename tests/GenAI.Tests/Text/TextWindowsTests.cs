using GenAI.Text;

namespace GenAI.Tests.Text;

public class TextWindowsTests
{
    [Test]
    public void Batches_have_shape_B_by_T_and_y_is_x_shifted_by_one()
    {
        var ids = Enumerable.Range(0, 100).ToArray();
        var data = new TextWindows(ids, blockSize: 8);
        Assert.That(data.WindowCount, Is.EqualTo(92));
        var (x, y) = data.RandomBatch(5, new Random(1));
        Assert.That(x.shape, Is.EqualTo(new long[] { 5, 8 }));
        Assert.That(y.shape, Is.EqualTo(new long[] { 5, 8 }));
        Assert.That(x.dtype, Is.EqualTo(TorchSharp.torch.ScalarType.Int64));
        var xs = x.data<long>().ToArray();
        var ys = y.data<long>().ToArray();
        for (int b = 0; b < 5; b++)
            for (int t = 0; t < 8; t++)
            {
                Assert.That(ys[b * 8 + t], Is.EqualTo(xs[b * 8 + t] + 1), "y[b, t] is the id after x[b, t]");
                if (t < 7) Assert.That(xs[b * 8 + t + 1], Is.EqualTo(ys[b * 8 + t]), "x[b, t + 1] == y[b, t]");
            }
    }

    [Test]
    public void Sequential_windows_cover_every_target_once()
    {
        var data = new TextWindows(Enumerable.Range(0, 21), blockSize: 4);
        var targets = data.Sequential(batchSize: 2).SelectMany(batch => batch.Y.data<long>().ToArray()).ToArray();
        Assert.That(targets, Is.EqualTo(Enumerable.Range(1, 20).Select(i => (long)i)));
        Assert.That(data.Sequential(2).Select(b => b.X.shape[0]), Is.EqualTo(new long[] { 2, 2, 1 }));
    }

    [Test]
    public void Too_short_a_text_is_a_readable_error() =>
        Assert.That(() => new TextWindows([1, 2, 3], blockSize: 3), Throws.ArgumentException.With.Message.Contains("mindestens 4"));
}
