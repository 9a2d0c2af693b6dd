using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GenAI.Tests.Models.Attention;

/// <summary>The hand-written attention against libtorch's fused kernel, and the masks.</summary>
public class ScaledDotProductAttentionTests
{
    const double Tolerance = 1e-5;

    [SetUp]
    public void Seed() => torch.manual_seed(19);

    [TestCase(1, 1, 6, 6, 8)]      // one sequence, one head
    [TestCase(3, 4, 5, 7, 16)]     // batch, heads, 5 queries against 7 keys
    [TestCase(2, 2, 33, 33, 64)]   // d = 64: scores would saturate without the 1/√d
    public void Hand_written_attention_equals_torch_scaled_dot_product_attention(int batch, int heads, int queries, int keys, int d)
    {
        using var scope = torch.NewDisposeScope();
        var q = torch.randn(batch, heads, queries, d);
        var k = torch.randn(batch, heads, keys, d);
        var v = torch.randn(batch, heads, keys, d + 3);   // value size may differ from d

        var ours = ScaledDotProductAttention.Compute(q, k, v).Output;
        var theirs = F.scaled_dot_product_attention(q, k, v);

        Assert.That(ours.shape, Is.EqualTo(new long[] { batch, heads, queries, d + 3 }));
        Assert.That(MaxDifference(ours, theirs), Is.LessThan(Tolerance));
    }

    [Test]
    public void Causal_attention_equals_torch_with_is_causal_and_with_the_boolean_and_additive_masks()
    {
        using var scope = torch.NewDisposeScope();
        var q = torch.randn(2, 3, 9, 16);
        var k = torch.randn(2, 3, 9, 16);
        var v = torch.randn(2, 3, 9, 16);
        var allowed = AttentionMask.Causal(9);

        var ours = ScaledDotProductAttention.Compute(q, k, v, allowed).Output;
        Assert.That(MaxDifference(ours, F.scaled_dot_product_attention(q, k, v, is_casual: true)), Is.LessThan(Tolerance));
        Assert.That(MaxDifference(ours, F.scaled_dot_product_attention(q, k, v, attn_mask: allowed)), Is.LessThan(Tolerance));
        var additive = ScaledDotProductAttention.Compute(q, k, v, AttentionMask.Additive(allowed)).Output;
        Assert.That(MaxDifference(additive, ours), Is.LessThan(Tolerance));
        // Without the mask the result is different: the comparison above can fail.
        Assert.That(MaxDifference(ScaledDotProductAttention.Compute(q, k, v).Output, ours), Is.GreaterThan(1e-2));
    }

    [Test]
    public void Weights_rows_sum_to_one_and_blocked_entries_are_exactly_zero()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(1, 5, 4);
        var w = ScaledDotProductAttention.Compute(x, x, x, AttentionMask.Causal(5)).Weights;   // [1, 5, 5]
        var rows = w.sum(-1);
        Assert.That(MaxDifference(rows, torch.ones_like(rows)), Is.LessThan(1e-6));
        var weights = w[0].data<float>().ToArray();
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++)
            {
                if (j > i) Assert.That(weights[i * 5 + j], Is.EqualTo(0f), $"query {i} must not see key {j}");
                else Assert.That(weights[i * 5 + j], Is.GreaterThan(0f), $"query {i} sees key {j}");
            }
        Assert.That(weights[0], Is.EqualTo(1f), "the first position can only look at itself");
    }

    [Test]
    public void Weights_are_the_softmax_of_scaled_dot_products_computed_by_hand()
    {
        // Two queries, three keys, d = 4: every score written out as a sum, the softmax with exp.
        float[,] qs = { { 1, 0, 2, -1 }, { 0.5f, 1, 0, 0 } };
        float[,] ks = { { 1, 1, 0, 0 }, { 0, 2, 1, 1 }, { -1, 0, 0, 3 } };
        using var scope = torch.NewDisposeScope();
        var w = ScaledDotProductAttention.Compute(torch.tensor(qs), torch.tensor(ks), torch.eye(3)).Weights.data<float>().ToArray();
        for (int i = 0; i < 2; i++)
        {
            var scores = Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, 4).Sum(c => (double)qs[i, c] * ks[j, c]) / 2.0).ToArray();  // √4 = 2
            var z = scores.Sum(Math.Exp);
            for (int j = 0; j < 3; j++)
                Assert.That(w[i * 3 + j], Is.EqualTo(Math.Exp(scores[j]) / z).Within(1e-6));
        }
    }

    [Test]
    public void Causal_mask_is_the_lower_triangle()
    {
        using var scope = torch.NewDisposeScope();
        var mask = AttentionMask.Causal(4);
        Assert.That(mask.dtype, Is.EqualTo(ScalarType.Bool));
        Assert.That(mask.data<bool>().ToArray(), Is.EqualTo(new[]
        {
            true, false, false, false,
            true, true, false, false,
            true, true, true, false,
            true, true, true, true,
        }));
    }

    [Test]
    public void Causal_mask_for_new_positions_after_a_cache_aligns_the_last_query_with_the_last_key()
    {
        using var scope = torch.NewDisposeScope();
        // 2 new positions after 3 cached ones: query 0 is position 3, query 1 is position 4.
        Assert.That(AttentionMask.Causal(2, 5).data<bool>().ToArray(), Is.EqualTo(new[]
        {
            true, true, true, true, false,
            true, true, true, true, true,
        }));
        Assert.That(AttentionMask.Causal(1, 5).data<bool>().ToArray(), Is.All.True);
    }

    [Test]
    public void Additive_mask_is_zero_where_allowed_and_minus_infinity_where_blocked()
    {
        using var scope = torch.NewDisposeScope();
        var additive = AttentionMask.Additive(AttentionMask.Causal(3)).data<float>().ToArray();
        var inf = float.NegativeInfinity;
        Assert.That(additive, Is.EqualTo(new[] { 0, inf, inf, 0, 0, inf, 0, 0, 0 }));
    }

    [Test]
    public void Bad_shapes_and_masks_are_refused_with_a_message_naming_the_shapes()
    {
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => ScaledDotProductAttention.Compute(torch.randn(2, 4), torch.randn(3, 5), torch.randn(3, 5)));
        Assert.That(e!.Message, Does.Contain("[2, 4]").And.Contain("[3, 5]"));
        e = Assert.Throws<ArgumentException>(() => ScaledDotProductAttention.Compute(torch.randn(2, 4), torch.randn(3, 4), torch.randn(2, 4)));
        Assert.That(e!.Message, Does.Contain("Value"));
        e = Assert.Throws<ArgumentException>(() => AttentionMask.Additive(torch.ones(2, 2)));
        Assert.That(e!.Message, Does.Contain("Bool"));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttentionMask.Causal(4, 3));
    }

    internal static double MaxDifference(Tensor a, Tensor b) => (a - b).abs().max().item<float>();
}
