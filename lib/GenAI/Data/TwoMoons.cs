using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Data;

/// <summary>
/// The toy "world" of chapter 00: points on two noisy half moons (upper: (cos a, sin a), lower: (1 − cos a, 0,5 − sin a),
/// a uniform in [0, π], plus Gaussian noise with σ = 0,1). Chapter 03 learns it with a diffusion model.
/// </summary>
public static class TwoMoons
{
    /// <summary>Standard deviation of the noise around the moons' centre lines.</summary>
    public const double Noise = 0.1;

    /// <summary>One point; Moon = 0 upper, 1 lower half moon. The noise is Box-Muller.</summary>
    public static (double X, double Y, int Moon) Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int moon = random.Next(2);
        double angle = Math.PI * random.NextDouble();
        double x = moon == 0 ? Math.Cos(angle) : 1 - Math.Cos(angle);
        double y = moon == 0 ? Math.Sin(angle) : 0.5 - Math.Sin(angle);
        double Gauss() => Noise * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (x + Gauss(), y + Gauss(), moon);
    }

    /// <summary><paramref name="count"/> points as a tensor (N, 2), float32, from <c>new Random(seed)</c>.</summary>
    public static Tensor Points(int count, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var values = new float[2 * count];
        for (int i = 0; i < count; i++)
        {
            var (x, y, _) = Sample(random);
            values[2 * i] = (float)x;
            values[2 * i + 1] = (float)y;
        }
        return torch.tensor(values, [count, 2]);                                   // (N, 2)
    }
}
