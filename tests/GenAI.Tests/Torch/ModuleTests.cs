using GenAI.Torch;
using GenAI.Torch.Modules;
using static GenAI.Torch.torch;

namespace GenAI.Tests.Torch;

public class ModuleTests
{
    /// <summary>A user module written the TorchSharp way, without calling RegisterComponents.</summary>
    private sealed class TwoLayer : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc1 = nn.Linear(4, 3);
        private readonly Sequential head = nn.Sequential(nn.ReLU(), nn.Linear(3, 2));
        public Parameter scale { get; } = nn.Parameter(ones(2));

        public TwoLayer() : base(nameof(TwoLayer)) { }

        public override Tensor forward(Tensor input) => head.forward(fc1.forward(input)) * scale;
    }

    [Test]
    public void Fields_are_discovered_as_submodules_and_parameters_with_dotted_names()
    {
        var m = new TwoLayer();
        var names = m.named_parameters().Select(p => p.name).ToList();
        Assert.That(names, Is.EqualTo(new[] { "scale", "fc1.weight", "fc1.bias", "head.1.weight", "head.1.bias" }));
        Assert.That(m.parameters().Sum(p => p.numel()), Is.EqualTo(4 * 3 + 3 + 3 * 2 + 2 + 2));
        Assert.That(m.forward(randn(5, 4)).shape, Is.EqualTo(new long[] { 5, 2 }));
    }

    [Test]
    public void Linear_uses_pytorchs_default_uniform_bounds()
    {
        manual_seed(1);
        var lin = nn.Linear(400, 50);
        double bound = 1 / Math.Sqrt(400);
        Assert.That(lin.weight.abs().max().item<float>(), Is.LessThanOrEqualTo(bound).And.GreaterThan(0.9 * bound));
        Assert.That(lin.bias!.abs().max().item<float>(), Is.LessThanOrEqualTo(bound));
        // U(−b, b) has variance b²/3.
        Assert.That(lin.weight.var().item<float>(), Is.EqualTo(bound * bound / 3).Within(0.1 * bound * bound / 3));
        Assert.That(lin.ToString(), Is.EqualTo("Linear(in_features=400, out_features=50, bias=True)"));
    }

    [Test]
    public void Train_and_eval_switch_dropout_recursively()
    {
        var m = nn.Sequential(nn.Linear(10, 10), nn.Dropout(0.5));
        var x = ones(4, 10);
        m.eval();
        Assert.That(m.forward(x).equal(m.forward(x)), Is.True);
        Assert.That(m[1].training, Is.False);
        m.train();
        var y = nn.functional.dropout(ones(10000), 0.25, true);
        var zeros_ = y.eq(0).sum().item<long>();
        Assert.That(zeros_, Is.InRange(2200, 2800));
        Assert.That(y.sum().item<float>(), Is.EqualTo(10000).Within(400), "survivors are scaled by 1/(1-p)");
    }

    [Test]
    public void State_dict_round_trips_into_a_fresh_model()
    {
        var a = new TwoLayer(); var b = new TwoLayer();
        var x = randn(3, 4);
        Assert.That(a.forward(x).allclose(b.forward(x)), Is.False);
        b.load_state_dict(a.state_dict());
        Assert.That(a.forward(x).allclose(b.forward(x)), Is.True);
        var wrong = new Dictionary<string, Tensor> { ["nope"] = ones(1) };
        var ex = Assert.Throws<ArgumentException>(() => b.load_state_dict(wrong));
        Assert.That(ex!.Message, Does.Contain("nope").And.Contain("fc1.weight"));
    }

    [Test]
    public void Batch_norm_tracks_running_statistics_and_uses_them_in_eval()
    {
        var bn = nn.BatchNorm1d(2);
        var x = tensor(new float[] { 1, 10, 3, 20, 5, 30 }, 3, 2);
        var y = bn.forward(x);
        Assert.That(y.mean(0).abs().max().item<float>(), Is.LessThan(1e-5));
        // running_mean = 0.9·0 + 0.1·[3, 20]; running_var = 0.9·1 + 0.1·unbiased var [4, 100]
        Assert.That(bn.running_mean!.ToArray<float>(), Is.EqualTo(new float[] { 0.3f, 2f }).Within(1e-6));
        Assert.That(bn.running_var!.ToArray<float>(), Is.EqualTo(new float[] { 1.3f, 10.9f }).Within(1e-5));
        Assert.That(bn.state_dict().Keys, Is.EquivalentTo(new[] { "weight", "bias", "running_mean", "running_var", "num_batches_tracked" }));
        bn.eval();
        var e = bn.forward(tensor(new float[] { 0.3f, 2f }, 1, 2));
        Assert.That(e.abs().max().item<float>(), Is.LessThan(1e-6));
    }

    [Test]
    public void Layer_norm_normalises_the_last_dimension()
    {
        var ln = nn.LayerNorm(4);
        var y = ln.forward(tensor(new float[] { 1, 2, 3, 4, 2, 2, 2, 6 }, 2, 4));
        Assert.That(y.mean(1).abs().max().item<float>(), Is.LessThan(1e-6));
        Assert.That(y.var(1, unbiased: false).ToArray<float>(), Is.EqualTo(new float[] { 1, 1 }).Within(1e-4));
    }

    [Test]
    public void Flatten_and_unflatten_reshape_batches()
    {
        var x = randn(2, 3, 4);
        Assert.That(nn.Flatten().forward(x).shape, Is.EqualTo(new long[] { 2, 12 }));
        Assert.That(nn.Unflatten(1, [3, 4]).forward(x.flatten(1)).equal(x), Is.True);
    }

    [Test]
    public void Losses_match_hand_computed_values()
    {
        var p = tensor(new float[] { 0.9f, 0.2f });
        var y = tensor(new float[] { 1, 0 });
        double bce = -(Math.Log(0.9) + Math.Log(0.8)) / 2;
        Assert.That(nn.functional.binary_cross_entropy(p, y).item<float>(), Is.EqualTo(bce).Within(1e-6));
        var logits = tensor(new float[] { 2f, -1f });
        Assert.That(nn.functional.binary_cross_entropy_with_logits(logits, y, reduction: nn.Reduction.Sum).item<float>(),
            Is.EqualTo(-Math.Log(1 / (1 + Math.Exp(-2))) - Math.Log(1 - 1 / (1 + Math.Exp(1)))).Within(1e-5));
        var scores = tensor(new float[] { 1, 2, 3, 1, 1, 1 }, 2, 3);
        var target = tensor(new long[] { 2, 0 });
        double ce = (-(3 - Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3))) + Math.Log(3)) / 2;
        Assert.That(nn.functional.cross_entropy(scores, target).item<float>(), Is.EqualTo(ce).Within(1e-5));
        Assert.That(nn.CrossEntropyLoss(ignore_index: 0).forward(scores, target).item<float>(),
            Is.EqualTo(-(3 - Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)))).Within(1e-5));
        Assert.That(nn.MSELoss(nn.Reduction.Sum).forward(ones(3), zeros(3)).item<float>(), Is.EqualTo(3));
        Assert.That(nn.functional.binary_cross_entropy(tensor(new float[] { 0f }), tensor(new float[] { 1f })).item<float>(), Is.EqualTo(100), "log clamps at -100");
    }
}
