using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>
/// DDIM sampling (Song, Meng &amp; Ermon 2021, eq. 12) with a DDPM-trained network: from x_t predict the clean
/// x̂_0 = (x_t − √(1 − ᾱ_t) ε̂)/√ᾱ_t, then jump straight to an earlier step s of a short sub-sequence:
/// x_s = √ᾱ_s x̂_0 + √(1 − ᾱ_s − σ²) ε̂ + σ z, σ = η √((1 − ᾱ_s)/(1 − ᾱ_t)) √(1 − ᾱ_t/ᾱ_s).
/// η = 0 adds no noise after x_T: the same x_T always gives the same image, in 20–50 instead of 1000 steps.
/// </summary>
public static class DdimSampler
{
    /// <summary>
    /// Samples in <paramref name="steps"/> network calls. <paramref name="clip"/> c keeps x̂_0 in [−c, c] (1 for images
    /// scaled to [−1, 1]). Without it the first jump can overshoot: x̂_0 divides the error of ε̂ by √ᾱ_t, and the cosine
    /// schedule's last ᾱ is almost 0. <paramref name="onStep"/> sees (t, x_t) after each jump.
    /// </summary>
    public static Tensor Sample(IDenoiser model, NoiseSchedule schedule, SamplingRequest request, int steps = 50,
                                double eta = 0, double? clip = null, Action<int, Tensor>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(eta);
        var times = schedule.SubSequence(steps);                                     // e.g. 999, 946, …, 0
        return DiffusionSampling.InEvalMode(model, () =>
        {
            using var g = new Generator((ulong)request.Seed);
            var x = torch.randn(request.Shape, generator: g).MoveToOuterDisposeScope();   // x_T ~ N(0, I)
            long n = request.Shape[0];
            for (int i = 0; i < times.Length; i++)
            {
                using var scope = torch.NewDisposeScope();
                int t = times[i];
                double aT = schedule.AlphaBars[t];
                double aS = i + 1 < times.Length ? schedule.AlphaBars[times[i + 1]] : 1.0;    // ᾱ_s; after the last step: x_0 itself
                var eps = ClassifierFreeGuidance.PredictNoise(model, x, DiffusionSampling.Steps(n, t), request.Labels, request.Guidance);
                var x0 = (x - Math.Sqrt(1 - aT) * eps) / Math.Sqrt(aT);                  // x̂_0
                if (clip is { } c)
                {
                    x0 = x0.clamp(-c, c);
                    eps = (x - Math.Sqrt(aT) * x0) / Math.Sqrt(1 - aT);                   // the ε that fits the clipped x̂_0
                }
                double sigma = eta * Math.Sqrt((1 - aS) / (1 - aT)) * Math.Sqrt(Math.Max(0, 1 - aT / aS));
                var next = Math.Sqrt(aS) * x0 + Math.Sqrt(Math.Max(0, 1 - aS - sigma * sigma)) * eps;
                if (sigma > 0) next = next + sigma * torch.randn(request.Shape, generator: g);
                x.Dispose();
                x = next.MoveToOuterDisposeScope();
                onStep?.Invoke(t, x);
            }
            return x;
        });
    }
}
