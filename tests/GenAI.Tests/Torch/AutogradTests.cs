using GenAI.Torch;
using static GenAI.Torch.torch;

namespace GenAI.Tests.Torch;

public class AutogradTests
{
    [Test]
    public void No_grad_records_no_graph()
    {
        var w = ones(3, requires_grad: true);
        Tensor y;
        using (no_grad()) y = (w * 2).sum();
        Assert.That(y.requires_grad, Is.False);
        Assert.That(y.grad_fn, Is.Null);
        Assert.Throws<InvalidOperationException>(() => y.backward());
        Assert.That(is_grad_enabled(), Is.True, "the scope restores grad mode");
    }

    [Test]
    public void Gradients_accumulate_until_zeroed()
    {
        var w = tensor(new float[] { 1, 2 }, requires_grad: true);
        (w * w).sum().backward();
        (w * 3).sum().backward();
        Assert.That(w.grad!.ToArray<float>(), Is.EqualTo(new float[] { 2 + 3, 4 + 3 }));
        w.grad.zero_();
        w.sum().backward();
        Assert.That(w.grad.ToArray<float>(), Is.EqualTo(new float[] { 1, 1 }));
    }

    [Test]
    public void A_tensor_used_twice_gets_both_gradient_paths()
    {
        var x = tensor(new float[] { 3 }, requires_grad: true);
        var y = x * x + x.exp() * x; // dy/dx = 2x + e^x (1 + x)
        y.backward(new[] { ones(1) });
        Assert.That(x.grad!.item<float>(), Is.EqualTo(6 + MathF.Exp(3) * 4).Within(1e-3));
    }

    [Test]
    public void Detach_cuts_the_graph_but_shares_storage()
    {
        var x = ones(2, requires_grad: true);
        var d = x.detach();
        Assert.That(d.requires_grad, Is.False);
        using (no_grad()) d.fill_(4);
        Assert.That(x.ToArray<float>(), Is.EqualTo(new float[] { 4, 4 }));
        var y = (x * 2 + d * 5).sum();
        y.backward();
        Assert.That(x.grad!.ToArray<float>(), Is.EqualTo(new float[] { 2, 2 }));
    }

    [Test]
    public void Second_backward_without_retain_graph_explains_the_fix()
    {
        var x = ones(2, requires_grad: true);
        var y = (x * x).sum();
        y.backward();
        var ex = Assert.Throws<InvalidOperationException>(() => y.backward());
        Assert.That(ex!.Message, Does.Contain("retain_graph"));
    }

    [Test]
    public void In_place_update_of_a_leaf_outside_no_grad_is_refused()
    {
        var w = ones(2, requires_grad: true);
        Assert.Throws<InvalidOperationException>(() => w.add_(1));
        using (no_grad()) w.add_(1);
        Assert.That(w.ToArray<float>(), Is.EqualTo(new float[] { 2, 2 }));
    }

    [Test]
    public void Backward_on_a_non_scalar_without_gradient_asks_for_a_sum()
    {
        var x = ones(2, requires_grad: true);
        var ex = Assert.Throws<InvalidOperationException>(() => (x * 2).backward());
        Assert.That(ex!.Message, Does.Contain("sum"));
    }
}
