using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>
/// Ancestral sampling of DDPM (Ho et al. 2020, Algorithm 2): start from x_T ~ N(0, I), then for t = T − 1 … 0
/// x_{t−1} = (1/√α_t)·(x_t − β_t/√(1 − ᾱ_t)·ε_θ(x_t, t)) + σ_t z with σ_t = √β_t and z ~ N(0, I),
/// except at the last step (no z). T network calls; every step draws new noise, from the request's seed.
/// </summary>
public static class DdpmSampler
{
    /// <summary>
    /// Samples (shape of the request). <paramref name="onStep"/>, if given, sees (t, x_t) after each step (x_t is
    /// freed afterwards, copy what you keep), from t = T − 1 down to 0 — the reverse trajectories.
    /// </summary>
    public static Tensor Sample(IDenoiser model, NoiseSchedule schedule, SamplingRequest request, Action<int, Tensor>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(request);
        return DiffusionSampling.InEvalMode(model, () =>
        {
            using var g = new Generator((ulong)request.Seed);
            var x = torch.randn(request.Shape, generator: g).MoveToOuterDisposeScope();   // x_T ~ N(0, I)
            long n = request.Shape[0];
            for (int t = schedule.Steps - 1; t >= 0; t--)
            {
                using var scope = torch.NewDisposeScope();
                var eps = ClassifierFreeGuidance.PredictNoise(model, x, DiffusionSampling.Steps(n, t), request.Labels, request.Guidance);
                double alpha = schedule.Alphas[t], beta = schedule.Betas[t], alphaBar = schedule.AlphaBars[t];
                var mean = (x - beta / Math.Sqrt(1 - alphaBar) * eps) / Math.Sqrt(alpha);   // μ_θ(x_t, t), Ho et al. eq. 11
                var next = t > 0 ? mean + Math.Sqrt(beta) * torch.randn(request.Shape, generator: g) : mean;
                x.Dispose();
                x = next.MoveToOuterDisposeScope();
                onStep?.Invoke(t, x);
            }
            return x;
        });
    }
}
