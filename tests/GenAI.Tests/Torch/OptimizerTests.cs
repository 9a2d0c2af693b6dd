using GenAI.Torch;
using GenAI.Torch.Modules;
using static GenAI.Torch.torch;

namespace GenAI.Tests.Torch;

public class OptimizerTests
{
    private static Parameter P(params float[] v) => nn.Parameter(tensor(v));

    [Test]
    public void Sgd_with_momentum_and_weight_decay_follows_pytorchs_rule()
    {
        var p = P(1f, -2f);
        var opt = optim.SGD([p], learningRate: 0.1, momentum: 0.9, weight_decay: 0.01);
        p.grad = tensor(new float[] { 0.5f, 0.5f });
        opt.step();
        // g = 0.5 + 0.01·p = [0.51, 0.48]; buf = g; p -= 0.1·buf
        Assert.That(p.ToArray<float>(), Is.EqualTo(new float[] { 1 - 0.051f, -2 - 0.048f }).Within(1e-6));
        opt.step();
        // g2 = 0.5 + 0.01·p; buf = 0.9·buf + g2
        float g0 = 0.5f + 0.01f * 0.949f, g1 = 0.5f + 0.01f * -2.048f;
        Assert.That(p.ToArray<float>(), Is.EqualTo(new float[] { 0.949f - 0.1f * (0.9f * 0.51f + g0), -2.048f - 0.1f * (0.9f * 0.48f + g1) }).Within(1e-6));
    }

    [Test]
    public void Adam_first_two_steps_match_hand_computation()
    {
        var p = P(1f);
        var opt = optim.Adam([p], lr: 0.1);
        p.grad = tensor(new float[] { 2f });
        opt.step();
        // m = 0.2, v = 0.004; m̂ = 2, v̂ = 4 → p = 1 − 0.1·2/(2 + 1e-8)
        Assert.That(p.item<float>(), Is.EqualTo(0.9f).Within(1e-6));
        p.grad = tensor(new float[] { -1f });
        opt.step();
        double m = 0.9 * 0.2 + 0.1 * -1, v = 0.999 * 0.004 + 0.001 * 1;
        double expected = 0.9 - 0.1 / (1 - 0.81) * m / (Math.Sqrt(v) / Math.Sqrt(1 - 0.998001) + 1e-8);
        Assert.That(p.item<float>(), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void AdamW_decays_weights_before_the_adam_update()
    {
        var p = P(1f);
        var opt = optim.AdamW([p], lr: 0.1, weight_decay: 0.5);
        p.grad = tensor(new float[] { 2f });
        opt.step();
        Assert.That(p.item<float>(), Is.EqualTo(1 * (1 - 0.1 * 0.5) - 0.1).Within(1e-6));
    }

    [Test]
    public void Zero_grad_keeps_the_buffer_and_zeroes_it()
    {
        var p = P(1f, 2f);
        (p * p).sum().backward();
        var opt = optim.SGD([p], 0.1);
        var buffer = p.grad;
        opt.zero_grad();
        Assert.That(p.grad, Is.SameAs(buffer));
        Assert.That(p.grad!.ToArray<float>(), Is.EqualTo(new float[] { 0, 0 }));
    }
}
