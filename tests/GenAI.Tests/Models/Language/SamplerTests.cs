using GenAI.Models;

namespace GenAI.Tests.Models.Language;

public class SamplerTests
{
    private static readonly double[] P = [0.05, 0.4, 0.1, 0.25, 0.2];

    [Test]
    public void Top_k_keeps_exactly_the_k_most_probable_and_renormalises()
    {
        var kept = Sampler.TopK(P, 2);
        Assert.That(kept, Is.EqualTo(new[] { 0, 0.4 / 0.65, 0, 0.25 / 0.65, 0 }).Within(1e-12));
        Assert.That(Sampler.TopK(P, 10).Count(p => p > 0), Is.EqualTo(5));
        // Ties at the border: still exactly k.
        Assert.That(Sampler.TopK([0.25, 0.25, 0.25, 0.25], 3).Count(p => p > 0), Is.EqualTo(3));
    }

    [Test]
    public void Top_p_keeps_the_smallest_set_reaching_p()
    {
        // Sorted: 0.4, 0.25, 0.2, 0.1, 0.05 → cumulative 0.4, 0.65, 0.85, 0.95, 1.0
        Assert.That(Sampler.TopP(P, 0.4).Count(p => p > 0), Is.EqualTo(1), "0.4 alone reaches 0.4");
        Assert.That(Sampler.TopP(P, 0.41).Count(p => p > 0), Is.EqualTo(2));
        Assert.That(Sampler.TopP(P, 0.65).Count(p => p > 0), Is.EqualTo(2), "exactly reaching p is enough");
        var kept = Sampler.TopP(P, 0.8);
        Assert.That(kept, Is.EqualTo(new[] { 0, 0.4 / 0.85, 0, 0.25 / 0.85, 0.2 / 0.85 }).Within(1e-12));
        Assert.That(Sampler.TopP(P, 1.0).Count(p => p > 0), Is.EqualTo(5));
    }

    [Test]
    public void Greedy_takes_the_arg_max_and_temperature_sharpens_or_flattens()
    {
        float[] logits = [1f, 3f, 2f];
        Assert.That(Sampler.Next(logits, SamplingOptions.Greedy, new Random(0)), Is.EqualTo(1));
        var cold = Sampler.Distribution(logits, new SamplingOptions(0.5));
        var hot = Sampler.Distribution(logits, new SamplingOptions(2.0));
        var plain = Sampler.Softmax(logits);
        Assert.That(cold[1], Is.GreaterThan(plain[1]));
        Assert.That(hot[1], Is.LessThan(plain[1]));
        Assert.That(cold.Sum(), Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void Draws_follow_the_distribution_and_never_pick_a_filtered_id()
    {
        float[] logits = [.. P.Select(p => (float)Math.Log(p))];
        var random = new Random(7);
        var counts = new int[5];
        for (int i = 0; i < 20000; i++) counts[Sampler.Next(logits, new SamplingOptions(TopK: 3), random)]++;
        Assert.That(counts[0], Is.Zero);
        Assert.That(counts[2], Is.Zero);
        Assert.That(counts[1] / 20000.0, Is.EqualTo(0.4 / 0.85).Within(0.015));
    }

    [Test]
    public void Tensor_logits_of_one_position_are_accepted()
    {
        using var logits = TorchSharp.torch.tensor(new float[] { 0f, 5f, 1f });
        Assert.That(Sampler.Next(logits, SamplingOptions.Greedy, new Random(0)), Is.EqualTo(1));
    }

    [Test]
    public void Option_labels_are_german_whatever_the_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.That(new SamplingOptions(Temperature: 0.6, TopK: 5, TopP: 0.8).ToString(), Is.EqualTo("T = 0,6; top-k = 5; top-p = 0,8"));
            Assert.That(SamplingOptions.Greedy.ToString(), Is.EqualTo("gierig"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
