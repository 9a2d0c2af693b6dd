using GenAI.Torch;
using static GenAI.Torch.torch;

namespace GenAI.Tests.Torch;

public class DisposeScopeTests
{
    [Test]
    public void Tensors_created_in_a_scope_are_disposed_and_using_one_explains_why()
    {
        Tensor inner;
        using (NewDisposeScope()) inner = ones(1000, 10) * 2;
        Assert.That(inner.IsInvalid, Is.True);
        var ex = Assert.Throws<ObjectDisposedException>(() => inner.sum());
        Assert.That(ex!.Message, Does.Contain("MoveToOuterDisposeScope"));
    }

    [Test]
    public void Moved_tensors_parameters_gradients_and_outside_views_survive_the_scope()
    {
        var lin = nn.Linear(300, 4);
        var outside = randn(2, 300);
        Tensor kept, view;
        using (NewDisposeScope())
        {
            var loss = lin.forward(outside).pow(2).sum();
            loss.backward();
            kept = (loss * 1).MoveToOuterDisposeScope();
            view = outside.reshape(600);
        }
        Assert.That(kept.item<float>(), Is.GreaterThan(0));
        Assert.That(lin.weight.grad!.abs().sum().item<float>(), Is.GreaterThan(0));
        Assert.That(lin.weight.sum().item<float>(), Is.Not.NaN);
        Assert.That(view.IsInvalid, Is.True, "the view itself is disposed ...");
        Assert.That(outside.sum().item<float>(), Is.EqualTo(outside.ToArray<float>().Sum()).Within(1e-3), "... but not the storage it shares with a live tensor");
    }

    [Test]
    public void Buffers_released_by_a_scope_are_reused_without_leaking_values()
    {
        var x = rand(256, 300);
        float[]? first = null;
        for (int i = 0; i < 3; i++)
        {
            using var scope = NewDisposeScope();
            var y = x * 3;
            var z = zeros(256, 300);
            Assert.That(z.abs().max().item<float>(), Is.EqualTo(0), "a recycled buffer is cleared where zeros are promised");
            first ??= y.ToArray<float>();
            Assert.That(y.ToArray<float>(), Is.EqualTo(first));
        }
    }

    [Test]
    public void A_training_step_in_a_scope_allocates_almost_nothing_once_warm()
    {
        var model = nn.Sequential(nn.Linear(784, 400), nn.ReLU(), nn.Linear(400, 784), nn.Sigmoid());
        var opt = optim.Adam(model.parameters());
        var x = rand(64, 784);
        void Step()
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.binary_cross_entropy(model.forward(x), x, reduction: nn.Reduction.Sum);
            opt.zero_grad(); loss.backward(); opt.step();
        }
        for (int i = 0; i < 3; i++) Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) Step();
        long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / 5;
        Assert.That(perStep, Is.LessThan(64 * 1024), "no large buffers: each would be ≥ 100 KB");
    }
}
