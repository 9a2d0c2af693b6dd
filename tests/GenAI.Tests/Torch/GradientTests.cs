using GenAI.Torch;
using static GenAI.Torch.torch;

namespace GenAI.Tests.Torch;

public class GradientTests
{
    private static Tensor R(params long[] shape) => randn(shape, generator: new Generator((ulong)shape.Sum() + 3));

    private static Tensor Positive(params long[] shape) => rand(shape, generator: new Generator(11)).add(0.5);

    [SetUp] public void Seed() => manual_seed(42);

    [Test] public void Add_with_broadcasting_matches_finite_differences() => GradCheck.Check(x => x[0] + x[1], R(3, 4), R(4));
    [Test] public void Sub_with_broadcasting_matches_finite_differences() => GradCheck.Check(x => x[0] - x[1], R(2, 3, 4), R(3, 1));
    [Test] public void Mul_with_broadcasting_matches_finite_differences() => GradCheck.Check(x => x[0] * x[1], R(3, 4), R(3, 1));
    [Test] public void Div_matches_finite_differences() => GradCheck.Check(x => x[0] / x[1], R(3, 4), Positive(4));
    [Test] public void Pow_scalar_matches_finite_differences() => GradCheck.Check(x => x[0].pow(3), R(5));
    [Test] public void Pow_tensor_matches_finite_differences() => GradCheck.Check(x => x[0].pow(x[1]), Positive(4), R(4));
    [Test] public void Maximum_matches_finite_differences() => GradCheck.Check(x => x[0].maximum(x[1]), R(6), randn(6, generator: new Generator(99)));
    [Test] public void Neg_exp_log_sqrt_match_finite_differences() => GradCheck.Check(x => x[0].neg().exp() + x[1].log() + x[1].sqrt(), R(5), Positive(5));
    [Test] public void Abs_matches_finite_differences() => GradCheck.Check(x => x[0].abs(), R(6).add(0.05));
    [Test] public void Clamp_matches_finite_differences() => GradCheck.Check(x => x[0].clamp(-0.5, 0.7), R(8));
    [Test] public void Sigmoid_tanh_match_finite_differences() => GradCheck.Check(x => x[0].sigmoid() * x[0].tanh(), R(7));
    [Test] public void Relu_leaky_relu_match_finite_differences() => GradCheck.Check(x => x[0].relu() + x[0].leaky_relu(0.2), R(9));
    [Test] public void Gelu_matches_finite_differences() => GradCheck.Check(x => x[0].gelu() + x[0].gelu("tanh"), R(9));
    [Test] public void Softmax_matches_finite_differences() => GradCheck.Check(x => x[0].softmax(1), R(3, 5));
    [Test] public void Softmax_over_dim0_matches_finite_differences() => GradCheck.Check(x => x[0].softmax(0), R(4, 3));
    [Test] public void Log_softmax_matches_finite_differences() => GradCheck.Check(x => x[0].log_softmax(-1), R(2, 3, 4));
    [Test] public void Sum_and_mean_over_dims_match_finite_differences() => GradCheck.Check(x => x[0].sum(1, keepdim: true) * x[0].mean([0L, 2L], keepdim: true), R(2, 3, 4));
    [Test] public void Var_matches_finite_differences() => GradCheck.Check(x => x[0].var(1), R(3, 5));
    [Test] public void Max_over_dim_matches_finite_differences() => GradCheck.Check(x => x[0].max(1).values, R(4, 6));
    [Test] public void Max_of_all_matches_finite_differences() => GradCheck.Check(x => x[0].max(), R(4, 6));
    [Test] public void Logsumexp_matches_finite_differences() => GradCheck.Check(x => x[0].logsumexp(1), R(3, 4));
    [Test] public void Matmul_2d_matches_finite_differences() => GradCheck.Check(x => x[0].matmul(x[1]), R(3, 4), R(4, 5));
    [Test] public void Matmul_batched_broadcast_matches_finite_differences() => GradCheck.Check(x => x[0].matmul(x[1]), R(2, 3, 4), R(4, 2));
    [Test] public void Bmm_matches_finite_differences() => GradCheck.Check(x => x[0].bmm(x[1]), R(2, 3, 4), R(2, 4, 3));
    [Test] public void Matmul_vector_matches_finite_differences() => GradCheck.Check(x => x[0].matmul(x[1]), R(3, 4), R(4));
    [Test] public void Mm_of_transposed_views_matches_finite_differences() => GradCheck.Check(x => x[0].t().mm(x[1].t()), R(4, 3), R(5, 4));
    [Test] public void Reshape_permute_transpose_match_finite_differences() => GradCheck.Check(x => x[0].reshape(3, 8).t().permute(1, 0).reshape(2, 12).transpose(0, 1), R(2, 3, 4));
    [Test] public void Unsqueeze_squeeze_flatten_match_finite_differences() => GradCheck.Check(x => x[0].unsqueeze(1).flatten(1).squeeze(), R(3, 4));
    [Test] public void Narrow_and_select_match_finite_differences() => GradCheck.Check(x => x[0].narrow(1, 1, 2) * x[0].select(0, 2).unsqueeze(0).narrow(1, 0, 2), R(3, 4));
    [Test] public void Index_with_slices_matches_finite_differences() => GradCheck.Check(x => x[0][TensorIndex.Ellipsis, TensorIndex.Slice(0, 4, 2)], R(3, 5));
    [Test] public void Expand_matches_finite_differences() => GradCheck.Check(x => x[0].expand(3, 4) * 2, R(1, 4));
    [Test] public void Index_select_matches_finite_differences() => GradCheck.Check(x => x[0].index_select(0, tensor(new long[] { 2, 0, 2 })), R(3, 4));
    [Test] public void Gather_matches_finite_differences() => GradCheck.Check(x => x[0].gather(1, tensor(new long[] { 0, 2, 1, 1, 3, 0 }, [3, 2])), R(3, 4));
    [Test] public void Masked_fill_matches_finite_differences() => GradCheck.Check(x => x[0].masked_fill(tensor(new[] { true, false, true, false }), -1), R(3, 4));
    [Test] public void Where_matches_finite_differences() => GradCheck.Check(x => where(x[0].gt(0), x[0], x[1]), R(3, 4), R(4));
    [Test] public void Cat_and_stack_match_finite_differences() => GradCheck.Check(x => cat([x[0], x[1]], 1) * stack([x[0], x[0]]).sum(0).narrow(1, 0, 1), R(3, 2), R(3, 3));
    [Test] public void Linear_functional_matches_finite_differences() => GradCheck.Check(x => nn.functional.linear(x[0], x[1], x[2]), R(5, 4), R(3, 4), R(3));
    [Test] public void Linear_on_3d_input_matches_finite_differences() => GradCheck.Check(x => nn.functional.linear(x[0], x[1]), R(2, 3, 4), R(3, 4));
    [Test] public void Layer_norm_matches_finite_differences() => GradCheck.Check(x => nn.functional.layer_norm(x[0], [4], x[1], x[2]), R(3, 4), R(4), R(4));

    [Test]
    public void Batch_norm_in_training_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.batch_norm(x[0], null, null, x[1], x[2], training: true), R(5, 3), R(3), R(3));

    [Test] public void Mse_loss_matches_finite_differences() => GradCheck.Check(x => nn.functional.mse_loss(x[0], x[1]), R(3, 4), R(3, 4));

    [Test]
    public void Binary_cross_entropy_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.binary_cross_entropy(x[0].sigmoid(), rand(3, 4, generator: new Generator(5)), reduction: nn.Reduction.Sum), R(3, 4));

    [Test]
    public void Binary_cross_entropy_with_logits_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.binary_cross_entropy_with_logits(x[0], rand(3, 4, generator: new Generator(5))), R(3, 4));

    [Test]
    public void Bce_with_logits_and_pos_weight_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.binary_cross_entropy_with_logits(x[0], rand(3, 4, generator: new Generator(5)), pos_weights: full(new long[] { 4 }, 2.0)), R(3, 4));

    [Test]
    public void Cross_entropy_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.cross_entropy(x[0], tensor(new long[] { 2, 0, 1 }), label_smoothing: 0.1), R(3, 4));

    [Test]
    public void Cross_entropy_on_sequences_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.cross_entropy(x[0], tensor(new long[] { 2, 0, 1, 1 }, [2, 2])), R(2, 3, 2));

    [Test]
    public void Nll_loss_with_weights_matches_finite_differences() =>
        GradCheck.Check(x => nn.functional.nll_loss(x[0].log_softmax(1), tensor(new long[] { 1, 0, 1 }), weight: tensor(new float[] { 0.3f, 2f })), R(3, 2));

    [Test]
    public void Embedding_lookup_matches_finite_differences()
    {
        var emb = nn.Embedding(5, 3);
        GradCheck.Check(x => nn.functional.linear(emb.forward(tensor(new long[] { 1, 4, 1 })), x[0]), R(2, 3));
        emb.zero_grad();
        tensor(new long[] { 1, 4, 1 }).Apply(ids => emb.forward(ids).sum().backward());
        var g = emb.weight.grad!;
        Assert.That(g[1].sum().item<float>(), Is.EqualTo(6f), "row 1 was looked up twice (3 dims × 2)");
        Assert.That(g[0].sum().item<float>(), Is.EqualTo(0f));
    }
}

internal static class TestExtensions
{
    internal static void Apply(this Tensor t, Action<Tensor> action) => action(t);
}
