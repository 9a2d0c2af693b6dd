using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class VaeLossTests
{
    [Test]
    public void Kl_of_the_standard_normal_itself_is_zero()
    {
        var kl = VaeLoss.KlDivergence(torch.zeros(16, 20), torch.zeros(16, 20));
        // Zero up to float32 rounding: the SIMD exp returns 1 + 1 ulp for 0, over 320 entries ≈ 2e-5.
        Assert.That(kl.item<float>(), Is.EqualTo(0f).Within(1e-4));
    }

    [Test]
    public void Kl_matches_the_closed_form_for_one_dimensional_gaussians()
    {
        // KL(N(μ, σ²) ‖ N(0, 1)) = ½(σ² + μ² − 1 − ln σ²), summed over the entries.
        double[] mus = [1.0, -0.5, 2.0];
        double[] variances = [4.0, 0.25, 1.0];
        double expected = mus.Zip(variances).Sum(p => 0.5 * (p.Second + p.First * p.First - 1 - Math.Log(p.Second)));
        var mu = torch.tensor(mus.Select(m => (float)m).ToArray(), 1, 3);
        var logvar = torch.tensor(variances.Select(v => (float)Math.Log(v)).ToArray(), 1, 3);
        Assert.That(VaeLoss.KlDivergence(mu, logvar).item<float>(), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void Binary_cross_entropy_term_is_summed_over_pixels_and_images()
    {
        float[] xHat = [0.9f, 0.2f, 0.5f, 0.99f];
        float[] x = [1f, 0f, 0.3f, 1f];
        double expected = xHat.Zip(x).Sum(p => -(p.Second * Math.Log(p.First) + (1 - p.Second) * Math.Log(1 - p.First)));
        var term = VaeLoss.ReconstructionTerm(torch.tensor(xHat, 2, 2), torch.tensor(x, 2, 2), ReconstructionLoss.BinaryCrossEntropy);
        Assert.That(term.item<float>(), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void Squared_error_term_is_summed_over_pixels_and_images()
    {
        var term = VaeLoss.ReconstructionTerm(torch.tensor(new[] { 0.5f, 0f, 1f }, 1, 3), torch.tensor(new[] { 0f, 0f, 0.5f }, 1, 3),
                                              ReconstructionLoss.MeanSquaredError);
        Assert.That(term.item<float>(), Is.EqualTo(0.5).Within(1e-6));
    }

    [Test]
    public void Beta_weights_only_the_kl_part()
    {
        var xHat = torch.full([2, 4], 0.25);
        var x = torch.full([2, 4], 0.5);
        var mu = torch.ones(2, 3);
        var logvar = torch.zeros(2, 3);
        var plain = VaeLoss.Compute(xHat, x, mu, logvar);
        var beta = VaeLoss.Compute(xHat, x, mu, logvar, beta: 4);
        Assert.That(beta.Reconstruction.item<float>(), Is.EqualTo(plain.Reconstruction.item<float>()));
        Assert.That(beta.Kl.item<float>(), Is.EqualTo(3f).Within(1e-6), "½·μ² per entry, 6 entries");
        Assert.That(beta.Total.item<float>(), Is.EqualTo(plain.Reconstruction.item<float>() + 4 * 3f).Within(1e-4));
    }

    [Test]
    public void Reconstruction_and_input_with_different_pixel_counts_are_rejected_with_both_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            VaeLoss.ReconstructionTerm(torch.rand(2, 784), torch.rand(2, 64), ReconstructionLoss.BinaryCrossEntropy));
        Assert.That(e!.Message, Does.Contain("2×784").And.Contain("2×64"));
    }

    [Test]
    public void Reparameterisation_samples_have_mean_mu_and_variance_exp_logvar()
    {
        torch.manual_seed(3);
        const int n = 200_000;
        var mu = torch.full([n, 1], 2.0);
        var logvar = torch.full([n, 1], Math.Log(0.25)); // σ = 0.5
        var z = Vae.Reparameterize(mu, logvar).data<float>().ToArray();
        double mean = z.Average(v => (double)v);
        double variance = z.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        // Standard errors: σ/√n ≈ 0.0011 for the mean, σ²·√(2/n) ≈ 0.0008 for the variance.
        Assert.That(mean, Is.EqualTo(2.0).Within(0.006));
        Assert.That(variance, Is.EqualTo(0.25).Within(0.004));
    }

    [Test]
    public void Reparameterisation_lets_gradients_reach_mu_and_logvar()
    {
        torch.manual_seed(4);
        var mu = torch.zeros(1000, 1).requires_grad_();
        var logvar = torch.zeros(1000, 1).requires_grad_();
        var z = Vae.Reparameterize(mu, logvar);
        z.sum().backward();
        // ∂z/∂μ = 1; ∂z/∂logvar = ½·ε·exp(½·logvar) = ½·ε = ½·(z − μ) here.
        Assert.That(mu.grad!.data<float>().ToArray(), Is.All.EqualTo(1f));
        var expected = z.data<float>().ToArray().Select(v => 0.5f * v).ToArray();
        Assert.That(logvar.grad!.data<float>().ToArray(), Is.EqualTo(expected).Within(1e-6));
    }
}
