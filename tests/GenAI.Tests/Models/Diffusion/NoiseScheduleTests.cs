using GenAI.Models.Diffusion;

namespace GenAI.Tests.Models.Diffusion;

public class NoiseScheduleTests
{
    [Test]
    public void Linear_schedule_runs_from_1e4_to_0_02_and_ends_in_almost_pure_noise_after_1000_steps()
    {
        var s = NoiseSchedule.Linear(1000);
        Assert.That(s.Betas[0], Is.EqualTo(1e-4).Within(1e-12));
        Assert.That(s.Betas[^1], Is.EqualTo(0.02).Within(1e-12));
        // ᾱ_T = Π(1 − β_t) ≈ exp(−Σβ_t) = exp(−1000 · 0,01005) ≈ 4·10⁻⁵ (Ho et al. 2020 quote ≈ 10⁻⁵ as "pure noise").
        Assert.That(s.AlphaBars[^1], Is.EqualTo(Math.Exp(-s.Betas.Sum())).Within(1e-5));
        Assert.That(s.AlphaBars[^1], Is.LessThan(1e-4));
    }

    [Test]
    public void Linear_betas_of_1000_steps_leave_a_third_of_the_signal_after_100_steps_unless_scaled()
    {
        // The Python course's T = 100 with β 1e-4 … 0,02: Σβ ≈ 1, so ᾱ_{T−1} ≈ e^−1 — its last "noise" still holds the image.
        Assert.That(NoiseSchedule.Linear(100).AlphaBars[^1], Is.EqualTo(0.36).Within(0.01));
        Assert.That(NoiseSchedule.Linear(100, scaleToSteps: true).AlphaBars[^1], Is.LessThan(1e-4));
    }

    [Test]
    public void Cosine_schedule_follows_nichol_and_dhariwals_formula_and_decreases_monotonically()
    {
        const int T = 1000;
        var s = NoiseSchedule.Cosine(T);
        double F(double t) => Math.Pow(Math.Cos((t / T + 0.008) / 1.008 * Math.PI / 2), 2);
        foreach (int t in new[] { 0, 10, 250, 500, 750, 900 })
            Assert.That(s.AlphaBars[t], Is.EqualTo(F(t + 1) / F(0)).Within(1e-9), $"ᾱ at t = {t}");
        Assert.That(s.AlphaBars.Zip(s.AlphaBars.Skip(1)).All(p => p.Second < p.First), Is.True);
        Assert.That(s.AlphaBars[^1], Is.LessThan(1e-4));
        Assert.That(s.Betas, Is.All.LessThanOrEqualTo(0.999));
        // The point of the cosine schedule: at half time far more signal is left than with the linear one.
        Assert.That(s.AlphaBars[T / 2], Is.GreaterThan(5 * NoiseSchedule.Linear(T).AlphaBars[T / 2]));
    }

    [Test]
    public void Ddim_sub_sequence_runs_from_the_last_step_down_to_zero_without_repeats()
    {
        var s = NoiseSchedule.Cosine(1000);
        var steps = s.SubSequence(20);
        Assert.That(steps, Has.Length.EqualTo(20));
        Assert.That(steps[0], Is.EqualTo(999));
        Assert.That(steps[^1], Is.Zero);
        Assert.That(steps, Is.Ordered.Descending);
        Assert.That(steps, Is.Unique);
    }
}
