namespace GenAI.Models.Diffusion;

/// <summary>How the noise variances β_t of a <see cref="NoiseSchedule"/> grow with t.</summary>
public enum ScheduleKind
{
    /// <summary>β_t linear from 10⁻⁴ to 0,02 over T = 1000 steps (Ho et al. 2020, §4).</summary>
    Linear,
    /// <summary>ᾱ_t = cos²(((t/T + s)/(1 + s))·π/2), s = 0,008 (Nichol &amp; Dhariwal 2021, eq. 17).</summary>
    Cosine,
}

/// <summary>
/// The variances β_t of the forward process q(x_t | x_{t−1}) = N(√(1 − β_t) x_{t−1}, β_t I), with α_t = 1 − β_t and
/// ᾱ_t = Π_{i≤t} α_i (Ho et al. 2020, eq. 2 and 4). Index t runs from 0 to T − 1 here; the papers count 1 … T,
/// so our t is their t + 1. ᾱ_{T−1} near 0 means the last step is almost pure noise.
/// </summary>
public sealed class NoiseSchedule
{
    private NoiseSchedule(ScheduleKind kind, double[] betas)
    {
        Kind = kind;
        Betas = betas;
        Alphas = [.. betas.Select(b => 1 - b)];
        AlphaBars = new double[betas.Length];
        double product = 1;
        for (int t = 0; t < betas.Length; t++) AlphaBars[t] = product *= Alphas[t];
    }

    /// <summary>Linear or cosine.</summary>
    public ScheduleKind Kind { get; }
    /// <summary>Number of steps T.</summary>
    public int Steps => Betas.Length;
    /// <summary>β_t, t = 0 … T − 1.</summary>
    public double[] Betas { get; }
    /// <summary>α_t = 1 − β_t.</summary>
    public double[] Alphas { get; }
    /// <summary>ᾱ_t = α_0 · α_1 ⋯ α_t: the share of x_0's variance that is left at step t.</summary>
    public double[] AlphaBars { get; }

    /// <summary>The schedule of <paramref name="kind"/> with <paramref name="steps"/> steps.</summary>
    public static NoiseSchedule Create(ScheduleKind kind, int steps = 1000) =>
        kind == ScheduleKind.Linear ? Linear(steps) : Cosine(steps);

    /// <summary>
    /// β_t evenly from <paramref name="betaStart"/> to <paramref name="betaEnd"/> (Ho et al. 2020: 10⁻⁴ … 0,02, T = 1000).
    /// These values belong to T = 1000: with T = 100 the βs add up to only ≈ 1, ᾱ_{T−1} ≈ 0,36, and the last
    /// step still shows the image. <paramref name="scaleToSteps"/> multiplies both ends by 1000/T (as Nichol &amp;
    /// Dhariwal's code does), so every T ends in noise.
    /// </summary>
    public static NoiseSchedule Linear(int steps = 1000, double betaStart = 1e-4, double betaEnd = 0.02, bool scaleToSteps = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        double scale = scaleToSteps ? 1000.0 / steps : 1;
        var betas = new double[steps];
        for (int t = 0; t < steps; t++)
            betas[t] = Math.Min(0.999, scale * (betaStart + (betaEnd - betaStart) * t / (steps - 1)));
        return new NoiseSchedule(ScheduleKind.Linear, betas);
    }

    /// <summary>
    /// The cosine schedule (Nichol &amp; Dhariwal 2021, eq. 17): ᾱ(t) = f(t)/f(0), f(t) = cos²(((t/T + s)/(1 + s))·π/2),
    /// β_t = 1 − ᾱ(t)/ᾱ(t − 1), clipped at 0,999 so the last steps stay finite. It destroys information more
    /// slowly at the start than the linear schedule, which wastes fewer steps on pure noise at 28 × 28.
    /// </summary>
    public static NoiseSchedule Cosine(int steps = 1000, double s = 0.008)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        double F(double t) => Math.Pow(Math.Cos((t / steps + s) / (1 + s) * Math.PI / 2), 2);
        var betas = new double[steps];
        for (int t = 0; t < steps; t++)                                  // our t is the paper's t + 1
            betas[t] = Math.Min(0.999, 1 - F(t + 1) / F(t));
        return new NoiseSchedule(ScheduleKind.Cosine, betas);
    }

    /// <summary>
    /// <paramref name="count"/> time steps for DDIM (Song et al. 2021, §4.2): evenly spaced from T − 1 down to 0,
    /// e.g. 999, 946, …, 0 for 20 of 1000.
    /// </summary>
    public int[] SubSequence(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Steps);
        if (count == 1) return [Steps - 1];
        return [.. Enumerable.Range(0, count).Select(i => (int)Math.Round((Steps - 1) * (1 - (double)i / (count - 1)))).Distinct()];
    }
}
