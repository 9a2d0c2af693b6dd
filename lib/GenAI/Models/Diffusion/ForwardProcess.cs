using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>
/// The forward (noising) process of a diffusion model (Ho et al. 2020, §2). It is random — every call draws new
/// noise ε ~ N(0, I) — and has no parameters, so it needs no training; only the reverse process is learned.
/// </summary>
public static class ForwardProcess
{
    /// <summary>
    /// One step q(x_t | x_{t−1}) = N(√(1 − β_t) x_{t−1}, β_t I): x_t = √(1 − β_t) x_{t−1} + √β_t ε.
    /// <paramref name="noise"/> ε defaults to fresh N(0, I) noise of x's shape.
    /// </summary>
    public static Tensor Step(Tensor previous, int t, NoiseSchedule schedule, Tensor? noise = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(schedule);
        noise ??= torch.randn_like(previous);
        double beta = schedule.Betas[t];
        return Math.Sqrt(1 - beta) * previous + Math.Sqrt(beta) * noise;
    }

    /// <summary>
    /// The closed form q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I) (Ho et al. 2020, eq. 4):
    /// x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε. <paramref name="t"/> holds one step per example (N), long;
    /// x_0 and ε are (N, …). This is what training uses: any t in one line, no loop over steps.
    /// </summary>
    public static Tensor Sample(Tensor x0, Tensor t, NoiseSchedule schedule, Tensor noise)
    {
        ArgumentNullException.ThrowIfNull(x0);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(noise);
        if (t.dim() != 1 || t.shape[0] != x0.shape[0])
            throw new ArgumentException($"Erwartet einen Zeitschritt pro Beispiel ({x0.shape[0]}), bekommen Form [{string.Join(", ", t.shape)}].", nameof(t));
        if (!noise.shape.SequenceEqual(x0.shape))
            throw new ArgumentException($"Das Rauschen hat Form [{string.Join(", ", noise.shape)}], x_0 aber [{string.Join(", ", x0.shape)}].", nameof(noise));
        var alphaBar = Gather(schedule.AlphaBars, t, x0);                  // (N, 1, …) broadcastable to x0
        return alphaBar.sqrt() * x0 + (1 - alphaBar).sqrt() * noise;
    }

    /// <summary>values[t] per example, shaped (N, 1, …, 1) so it broadcasts against <paramref name="like"/>.</summary>
    internal static Tensor Gather(double[] values, Tensor t, Tensor like)
    {
        var table = torch.tensor(values, dtype: like.dtype);                // (T)
        var picked = table.index_select(0, t.to_type(ScalarType.Int64));   // (N)
        var shape = new long[like.dim()];
        Array.Fill(shape, 1L);
        shape[0] = t.shape[0];
        return picked.reshape(shape);                                       // (N, 1, …, 1)
    }
}
