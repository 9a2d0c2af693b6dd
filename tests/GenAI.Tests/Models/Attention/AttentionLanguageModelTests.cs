using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;
using static GenAI.Tests.Models.Attention.ScaledDotProductAttentionTests;

namespace GenAI.Tests.Models.Attention;

/// <summary>The attention-only character model of chapter 06.</summary>
public class AttentionLanguageModelTests
{
    [SetUp]
    public void Seed() => torch.manual_seed(6);

    private static AttentionLanguageModel Small(int layers = 2) =>
        new(new AttentionLanguageModelConfig(VocabularySize: 11, ContextLength: 16, EmbeddingSize: 24, Heads: 3, Layers: layers));

    [Test]
    public void Changing_a_later_character_leaves_the_logits_of_earlier_positions_unchanged()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Small();
        model.eval();
        var ids = torch.randint(0, 11, [2, 12], dtype: ScalarType.Int64);
        var changed = ids.clone();
        changed[.., 7] = (ids[.., 7] + 1) % 11;   // a different character at position 7

        var before = model.forward(ids);
        var after = model.forward(changed);
        Assert.That(MaxDifference(before[.., ..7], after[.., ..7]), Is.EqualTo(0), "positions 0–6 cannot see position 7");
        Assert.That(MaxDifference(before[.., 7..], after[.., 7..]), Is.GreaterThan(1e-4), "positions 7–11 do see it");
    }

    [Test]
    public void Forward_with_weights_gives_the_same_logits_and_every_layers_weights()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Small(layers: 2);
        model.eval();
        var ids = torch.randint(0, 11, [2, 9], dtype: ScalarType.Int64);
        var (logits, weights) = model.ForwardWithWeights(ids);
        Assert.That(logits.shape, Is.EqualTo(new long[] { 2, 9, 11 }));
        Assert.That(MaxDifference(logits, model.forward(ids)), Is.LessThan(1e-5));
        Assert.That(weights, Has.Count.EqualTo(2));
        foreach (var w in weights)
        {
            Assert.That(w.shape, Is.EqualTo(new long[] { 2, 3, 9, 9 }));   // [B, H, T, T]
            var rows = w.sum(-1);
            Assert.That(MaxDifference(rows, torch.ones_like(rows)), Is.LessThan(1e-5));
            Assert.That(w.triu(1).abs().max().item<float>(), Is.EqualTo(0f), "no weight on the future");
        }
    }

    [Test]
    public void A_tiny_model_learns_a_repeating_text()
    {
        using var model = Small(layers: 1);
        var text = Enumerable.Range(0, 200).Select(i => (long)(i % 5)).ToArray();   // 0 1 2 3 4 0 1 2 …
        var data = new GenAI.Text.TextWindows(text, blockSize: 16);
        var random = new Random(1);
        using var optimizer = torch.optim.AdamW(model.parameters(), lr: 1e-2);
        float first = 0, last = 0;
        for (int step = 0; step < 60; step++)
        {
            using var scope = torch.NewDisposeScope();
            var (x, y) = data.RandomBatch(8, random);
            var loss = model.Loss(x, y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }
        Assert.That(first, Is.GreaterThan(1.5), "starts near ln 11 ≈ 2,4");
        Assert.That(last, Is.LessThan(0.2), "the next character is determined by the previous one");
        var generated = model.Generate([0, 1, 2], 8, SamplingOptions.Greedy, new Random(0));
        Assert.That(generated, Is.EqualTo(new[] { 3, 4, 0, 1, 2, 3, 4, 0 }));
    }

    [Test]
    public void A_sequence_longer_than_the_context_is_refused_with_the_limit()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Small();
        var e = Assert.Throws<ArgumentException>(() => model.forward(torch.zeros(1, 17, dtype: ScalarType.Int64)));
        Assert.That(e!.Message, Does.Contain("16 Positionen").And.Contain("17"));
        Assert.Throws<ArgumentException>(() => new AttentionLanguageModel(new AttentionLanguageModelConfig(10, EmbeddingSize: 10, Heads: 4)));
    }
}
