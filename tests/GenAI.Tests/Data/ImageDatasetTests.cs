using GenAI.Data;

namespace GenAI.Tests.Data;

public class ImageDatasetTests
{
    [Test]
    public void Bilinear_resampling_matches_pytorch_interpolate_without_aligned_corners()
    {
        // Oracle: torch.nn.functional.interpolate(x, size=(4,4), mode="bilinear", align_corners=False).
        var output = new float[16];
        Resampling.Bilinear([0, 1, 2, 3], 2, 2, output, 4, 4);
        Assert.That(output, Is.EqualTo(new[] { 0, 0.25f, 0.75f, 1, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2, 2.25f, 2.75f, 3 }).Within(1e-6f));

        // Non-square, shrinking in one axis: arange(9)/8 as 3×3 → 7×5.
        var input = Enumerable.Range(0, 9).Select(i => i / 8f).ToArray();
        var wide = new float[35];
        Resampling.Bilinear(input, 3, 3, wide, 7, 5);
        float[] expected =
        [
            0f, 0.05f, 0.125f, 0.2f, 0.25f, 0.053571f, 0.103571f, 0.178571f, 0.253571f, 0.303571f,
            0.214286f, 0.264286f, 0.339286f, 0.414286f, 0.464286f, 0.375f, 0.425f, 0.5f, 0.575f, 0.625f,
            0.535714f, 0.585714f, 0.660714f, 0.735714f, 0.785714f, 0.696429f, 0.746429f, 0.821429f, 0.896429f, 0.946429f,
            0.75f, 0.8f, 0.875f, 0.95f, 1f,
        ];
        Assert.That(wide, Is.EqualTo(expected).Within(1e-5f));
    }

    [Test]
    public void Embedded_digits_have_all_1797_images_with_sklearns_class_counts()
    {
        var train = Digits.Load(train: true, size: 8);
        var test = Digits.Load(train: false, size: 8);
        Assert.That(train.Count + test.Count, Is.EqualTo(1797));
        Assert.That(train.Count, Is.EqualTo(Digits.TrainCount));
        var counts = train.CountPerClass().Zip(test.CountPerClass(), (a, b) => a + b);
        // sklearn: np.bincount(load_digits().target)
        Assert.That(counts, Is.EqualTo(new[] { 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 }));
        // First row of digits.csv.gz: 0,0,5,13,9,1,0,0,... label 0; pixels are counts / 16.
        Assert.That(train.Image(0)[..8].ToArray(), Is.EqualTo(new[] { 0, 0, 5 / 16f, 13 / 16f, 9 / 16f, 1 / 16f, 0, 0 }));
        Assert.That(train.Labels[0], Is.EqualTo(0));
    }

    [Test]
    public void Digits_at_28x28_are_the_bilinear_resampling_of_the_native_images()
    {
        var native = Digits.Load(train: false, size: 8, take: 3);
        var large = Digits.Load(train: false, take: 3);
        Assert.That((large.Height, large.Width, large.Count), Is.EqualTo((28, 28, 3)));
        var expected = new float[784];
        Resampling.Bilinear(native.Image(2), 8, 8, expected, 28, 28);
        Assert.That(large.Image(2).ToArray(), Is.EqualTo(expected));
        Assert.That(large.Pixels.Min(), Is.GreaterThanOrEqualTo(0f));
        Assert.That(large.Pixels.Max(), Is.LessThanOrEqualTo(1f));
        Assert.That(large.Labels, Is.EqualTo(native.Labels));
    }

    [Test]
    public void Take_subset_sample_and_where_keep_images_and_labels_together()
    {
        var data = new ImageDataset("t", [0, 0, 1, 1, 2, 2, 3, 3], [0, 1, 2, 1], 1, 2, ["a", "b", "c"]);
        Assert.That(data.Take(2).Pixels, Is.EqualTo(new float[] { 0, 0, 1, 1 }));
        Assert.That(data.Take(10), Is.SameAs(data));
        var subset = data.Subset([3, 0]);
        Assert.That(subset.Pixels, Is.EqualTo(new float[] { 3, 3, 0, 0 }));
        Assert.That(subset.Labels, Is.EqualTo(new long[] { 1, 0 }));
        Assert.That(data.Where(1).Pixels, Is.EqualTo(new float[] { 1, 1, 3, 3 }));
        var sample = data.Sample(4, seed: 1);
        Assert.That(sample.Labels.Order(), Is.EqualTo(data.Labels.Order()));
        for (int i = 0; i < sample.Count; i++) Assert.That(sample.Image(i)[0], Is.EqualTo(sample.Image(i)[1]));
        Assert.That(data.Sample(4, seed: 1).Pixels, Is.EqualTo(sample.Pixels), "same seed, same order");
        Assert.That(data.ClassName(2), Is.EqualTo("c"));
    }

    [Test]
    public void Inconsistent_sizes_and_labels_are_rejected_with_a_clear_message()
    {
        Assert.That(() => new ImageDataset("t", new float[5], [0, 1], 1, 2, ["a", "b"]), Throws.ArgumentException.With.Message.Contains("1×2"));
        Assert.That(() => new ImageDataset("t", new float[4], [0, 2], 1, 2, ["a", "b"]), Throws.ArgumentException.With.Message.Contains("Label 2"));
    }

    [Test]
    public void Display_shows_a_summary_and_png_previews()
    {
        var bundle = Digits.Load(train: true, take: 12).ToMimeBundle();
        Assert.That(bundle["text/plain"], Does.Contain("12 Bilder 28×28"));
        var html = bundle["text/html"];
        Assert.That(System.Text.RegularExpressions.Regex.Count(html, "data:image/png;base64,"), Is.EqualTo(10));
        var firstPng = Convert.FromBase64String(System.Text.RegularExpressions.Regex.Match(html, "base64,([^\"]+)").Groups[1].Value);
        Assert.That(firstPng[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
    }
}
