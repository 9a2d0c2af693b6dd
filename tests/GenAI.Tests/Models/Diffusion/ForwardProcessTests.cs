using GenAI.Models.Diffusion;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Diffusion;

public class ForwardProcessTests
{
    [Test]
    public void Closed_form_noising_has_mean_sqrt_alphabar_x0_and_variance_one_minus_alphabar()
    {
        torch.manual_seed(3);
        var s = NoiseSchedule.Linear(1000);
        const int n = 200_000, t = 300;
        var x0 = torch.full([n, 1], 0.7f);
        var xt = ForwardProcess.Sample(x0, torch.full([n], (long)t, ScalarType.Int64), s, torch.randn(n, 1));
        double mean = xt.mean().item<float>(), variance = xt.var().item<float>();
        // Standard errors with n = 200 000: mean √(1/n) ≈ 0,0022, variance √(2/n) ≈ 0,0032; tolerances ≈ 4,5 of them.
        Assert.That(mean, Is.EqualTo(Math.Sqrt(s.AlphaBars[t]) * 0.7).Within(0.01));
        Assert.That(variance, Is.EqualTo(1 - s.AlphaBars[t]).Within(0.015));
    }

    [Test]
    public void Many_single_steps_give_the_same_distribution_as_the_closed_form()
    {
        // q(x_t | x_0) is what t steps of q(x_t | x_{t−1}) add up to: mean √ᾱ_t x_0, variance 1 − ᾱ_t (Ho et al. eq. 4).
        torch.manual_seed(4);
        var s = NoiseSchedule.Cosine(1000);
        const int n = 100_000, t = 200;
        var x = torch.full([n, 1], -1.2f);
        for (int k = 0; k <= t; k++) x = ForwardProcess.Step(x, k, s);
        // Standard errors ≈ 0,003 (mean) and 0,0045 (variance); tolerances ≈ 4 of them.
        Assert.That(x.mean().item<float>(), Is.EqualTo(Math.Sqrt(s.AlphaBars[t]) * -1.2).Within(0.012));
        Assert.That(x.var().item<float>(), Is.EqualTo(1 - s.AlphaBars[t]).Within(0.018));
    }

    [Test]
    public void The_forward_process_is_random_the_same_image_gives_different_noisy_versions()
    {
        var s = NoiseSchedule.Linear(1000);
        var x0 = torch.rand(2, 1, 28, 28);
        var t = torch.tensor(new long[] { 500, 500 });
        var a = ForwardProcess.Sample(x0, t, s, torch.randn_like(x0));
        var b = ForwardProcess.Sample(x0, t, s, torch.randn_like(x0));
        Assert.That((a - b).abs().max().item<float>(), Is.GreaterThan(0.1f));
    }

    [Test]
    public void Time_embedding_is_sin_then_cos_of_t_times_falling_frequencies()
    {
        var emb = new SinusoidalTimeEmbedding(8).forward(torch.tensor(new long[] { 0, 3 }));
        Assert.That(emb.shape, Is.EqualTo(new long[] { 2, 8 }));
        var row0 = emb[0].data<float>().ToArray();
        Assert.That(row0[..4], Is.All.EqualTo(0f).Within(1e-6), "sin(0)");
        Assert.That(row0[4..], Is.All.EqualTo(1f).Within(1e-6), "cos(0)");
        var row1 = emb[1].data<float>().ToArray();
        for (int i = 0; i < 4; i++)
        {
            double w = Math.Pow(10000, -i / 4.0);
            Assert.That(row1[i], Is.EqualTo(Math.Sin(3 * w)).Within(1e-5));
            Assert.That(row1[4 + i], Is.EqualTo(Math.Cos(3 * w)).Within(1e-5));
        }
    }
}
