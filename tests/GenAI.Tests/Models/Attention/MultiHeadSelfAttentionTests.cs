using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;
using static GenAI.Tests.Models.Attention.ScaledDotProductAttentionTests;

namespace GenAI.Tests.Models.Attention;

/// <summary>The multi-head layer: shapes, the causal property, the fused and the explicit path, torch's own module, the cache.</summary>
public class MultiHeadSelfAttentionTests
{
    [SetUp]
    public void Seed() => torch.manual_seed(6);

    [TestCase(2, 7, 32, 4)]
    [TestCase(1, 1, 12, 3)]
    [TestCase(3, 16, 64, 8)]
    public void Multi_head_output_shapes(int batch, int length, int width, int heads)
    {
        using var scope = torch.NewDisposeScope();
        using var attention = new MultiHeadSelfAttention(new MultiHeadAttentionConfig { EmbeddingSize = width, Heads = heads });
        var x = torch.randn(batch, length, width);

        var (q, k, v) = attention.Project(x);
        var head = new long[] { batch, heads, length, width / heads };
        Assert.That(q.shape, Is.EqualTo(head));
        Assert.That(k.shape, Is.EqualTo(head));
        Assert.That(v.shape, Is.EqualTo(head));
        Assert.That(attention.forward(x).shape, Is.EqualTo(new long[] { batch, length, width }));
        var (output, weights) = attention.ForwardWithWeights(x);
        Assert.That(output.shape, Is.EqualTo(new long[] { batch, length, width }));
        Assert.That(weights.shape, Is.EqualTo(new long[] { batch, heads, length, length }));
        // W_Q, W_K, W_V and W_O with biases: 4·C² + 4·C parameters, whatever the number of heads.
        Assert.That(attention.parameters().Sum(p => p.numel()), Is.EqualTo(4L * width * width + 4L * width));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Fused_forward_equals_the_explicit_path_that_returns_the_weights(bool causal)
    {
        using var scope = torch.NewDisposeScope();
        using var attention = new MultiHeadSelfAttention(new MultiHeadAttentionConfig { EmbeddingSize = 24, Heads = 3, Causal = causal });
        attention.eval();
        var x = torch.randn(2, 10, 24);
        Assert.That(MaxDifference(attention.forward(x), attention.ForwardWithWeights(x).Output), Is.LessThan(1e-5));
    }

    [Test]
    public void Changing_a_later_token_leaves_earlier_outputs_unchanged()
    {
        using var scope = torch.NewDisposeScope();
        using var attention = new MultiHeadSelfAttention(new MultiHeadAttentionConfig { EmbeddingSize = 16, Heads = 4, Causal = true });
        attention.eval();
        var x = torch.randn(1, 8, 16);
        var changed = x.clone();
        changed[0, 5] = torch.randn(16);   // position 5 gets a different token

        foreach (var (name, run) in Paths(attention))
        {
            var before = run(x);
            var after = run(changed);
            Assert.That(MaxDifference(before[.., ..5], after[.., ..5]), Is.EqualTo(0), $"{name}: positions 0–4 cannot see position 5");
            Assert.That(MaxDifference(before[.., 5..], after[.., 5..]), Is.GreaterThan(1e-3), $"{name}: positions 5–7 do see it");
        }
    }

    [Test]
    public void Without_the_causal_mask_a_later_token_changes_every_output()
    {
        using var scope = torch.NewDisposeScope();
        using var attention = new MultiHeadSelfAttention(new MultiHeadAttentionConfig { EmbeddingSize = 16, Heads = 4, Causal = false });
        attention.eval();
        var x = torch.randn(1, 8, 16);
        var changed = x.clone();
        changed[0, 5] = torch.randn(16);
        var before = attention.forward(x);
        var after = attention.forward(changed);
        for (int t = 0; t < 8; t++)
            Assert.That(MaxDifference(before[.., t], after[.., t]), Is.GreaterThan(1e-4), $"position {t} sees position 5");
    }

    [Test]
    public void Equals_torch_nn_MultiheadAttention_with_the_same_weights()
    {
        using var scope = torch.NewDisposeScope();
        const int width = 32, heads = 4, length = 6, batch = 2;
        using var ours = new MultiHeadSelfAttention(new MultiHeadAttentionConfig { EmbeddingSize = width, Heads = heads, Causal = true });
        using var theirs = nn.MultiheadAttention(width, heads);
        ours.eval();
        theirs.eval();
        var p = theirs.named_parameters().ToDictionary(n => n.name, n => n.parameter);
        using (torch.no_grad())
        {
            // torch stacks W_Q, W_K, W_V the same way: in_proj_weight [3C, C], then out_proj.
            p["in_proj_weight"].copy_(ours.QueryKeyValue.weight!);
            p["in_proj_bias"].copy_(ours.QueryKeyValue.bias!);
            p["out_proj.weight"].copy_(ours.OutputProjection.weight!);
            p["out_proj.bias"].copy_(ours.OutputProjection.bias!);
        }
        var x = torch.randn(batch, length, width);
        var xt = x.transpose(0, 1);                                   // torch's layout: [T, B, C]
        // libtorch's C++ multi_head_attention_forward adds attn_mask to the scores: pass the additive form.
        var (output, averaged) = theirs.call(xt, xt, xt, attn_mask: AttentionMask.Additive(AttentionMask.Causal(length)));

        var (mine, weights) = ours.ForwardWithWeights(x);
        Assert.That(MaxDifference(mine, output.transpose(0, 1)), Is.LessThan(1e-5));
        Assert.That(MaxDifference(ours.forward(x), output.transpose(0, 1)), Is.LessThan(1e-5));
        // torch returns the weights averaged over the heads, [B, T, T].
        Assert.That(MaxDifference(weights.mean([1]), averaged), Is.LessThan(1e-5));
    }

    [Test]
    public void Torch_MultiheadAttention_adds_a_boolean_mask_so_it_needs_the_additive_form()
    {
        // Why AttentionMask.Additive exists: libtorch's C++ module (which TorchSharp wraps) adds attn_mask
        // to the scores. A boolean mask then adds 0 or 1 and the future stays visible.
        using var scope = torch.NewDisposeScope();
        using var mha = nn.MultiheadAttention(8, 2);
        mha.eval();
        var x = torch.randn(4, 1, 8);                                         // [T, B, C]
        var allowed = AttentionMask.Causal(4);
        var (_, additive) = mha.call(x, x, x, attn_mask: AttentionMask.Additive(allowed));
        var (_, boolean) = mha.call(x, x, x, attn_mask: allowed.logical_not());
        Assert.That(additive[0, 0, 1].item<float>(), Is.EqualTo(0f), "additive: position 0 cannot see position 1");
        Assert.That(boolean[0, 0, 1].item<float>(), Is.GreaterThan(0f), "boolean: position 0 sees position 1");
    }

    [Test]
    public void Feeding_a_sequence_through_the_cache_in_pieces_equals_feeding_it_at_once()
    {
        using var scope = torch.NewDisposeScope();
        using var attention = new MultiHeadSelfAttention(new MultiHeadAttentionConfig { EmbeddingSize = 20, Heads = 2 });
        attention.eval();
        var x = torch.randn(2, 9, 20);
        var whole = attention.forward(x);

        using var cache = new KeyValueCache();
        var pieces = new List<Tensor>();
        foreach (var (start, end) in new[] { (0, 4), (4, 5), (5, 6), (6, 9) })   // a prompt, then tokens one by one, then three
        {
            using var step = torch.NewDisposeScope();
            pieces.Add(attention.forward(x[.., start..end], cache).MoveToOuterDisposeScope());
            Assert.That(cache.Length, Is.EqualTo(end));
        }
        Assert.That(MaxDifference(torch.cat(pieces, 1), whole), Is.LessThan(1e-5));
        Assert.That(cache.Keys!.shape, Is.EqualTo(new long[] { 2, 2, 9, 10 }));
        cache.Clear();
        Assert.That(cache.Length, Is.Zero);
    }

    [Test]
    public void A_cache_refuses_keys_of_another_shape_and_says_how_to_start_over()
    {
        using var scope = torch.NewDisposeScope();
        using var cache = new KeyValueCache();
        cache.Append(torch.randn(1, 2, 3, 4), torch.randn(1, 2, 3, 4));
        var e = Assert.Throws<ArgumentException>(() => cache.Append(torch.randn(2, 2, 1, 4), torch.randn(2, 2, 1, 4)));
        Assert.That(e!.Message, Does.Contain("Clear()"));
    }

    [Test]
    public void Heads_that_do_not_divide_the_width_are_refused_with_the_divisors()
    {
        var e = Assert.Throws<ArgumentException>(() => new MultiHeadSelfAttention(new MultiHeadAttentionConfig { EmbeddingSize = 30, Heads = 4 }));
        Assert.That(e!.Message, Does.Contain("30").And.Contain("4 Köpfe").And.Contain("1, 2, 3, 5, 6, 10, 15"));
        var wrongInput = Assert.Throws<ArgumentException>(() =>
        {
            using var attention = new MultiHeadSelfAttention(new MultiHeadAttentionConfig { EmbeddingSize = 8, Heads = 2 });
            attention.forward(torch.randn(1, 3, 6));
        });
        Assert.That(wrongInput!.Message, Does.Contain("[Batch, Positionen, 8]").And.Contain("[1, 3, 6]"));
    }

    private static IEnumerable<(string Name, Func<Tensor, Tensor> Run)> Paths(MultiHeadSelfAttention attention) =>
    [
        ("fused", attention.forward),
        ("explicit", x => attention.ForwardWithWeights(x).Output),
        ("cache", x => { using var cache = new KeyValueCache(); return attention.forward(x, cache); }),
    ];
}
