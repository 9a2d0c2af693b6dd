using GenAI.Torch;
using static GenAI.Torch.torch;

namespace GenAI.Tests.Torch;

/// <summary>
/// The one gradient oracle for every differentiable op: central finite differences
/// (f(x+h) − f(x−h)) / 2h of L = Σ f(inputs) ⊙ w for a fixed random w, compared with backward().
/// </summary>
internal static class GradCheck
{
    internal static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Check(f, inputs, 3e-3, 2e-3, 2e-2);

    internal static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, double h, double atol, double rtol)
    {
        foreach (var x in inputs) { x.requires_grad = true; x.grad = null; }
        var output = f(inputs);
        var w = randn(output.shape, generator: new Generator(7));
        output.mul(w).sum().backward();

        for (int k = 0; k < inputs.Length; k++)
        {
            var x = inputs[k];
            Assert.That(x.grad, Is.Not.Null, $"input {k} got no gradient");
            var analytic = x.grad!.ToArray<float>();
            var data = x.detach();
            var flat = data.reshape(-1);
            for (int i = 0; i < analytic.Length; i++)
            {
                double orig = flat[i].item<float>();
                double Eval(double v)
                {
                    using var _ = no_grad();
                    flat[i] = tensor((float)v);
                    return f(inputs).mul(w).sum().item<float>();
                }
                double plus = Eval(orig + h), minus = Eval(orig - h);
                using (no_grad()) flat[i] = tensor((float)orig);
                double numeric = (plus - minus) / (2 * h);
                Assert.That(analytic[i], Is.EqualTo(numeric).Within(atol + rtol * Math.Abs(numeric)),
                    $"input {k}, element {i}: backward {analytic[i]} vs finite difference {numeric}");
            }
        }
    }
}
