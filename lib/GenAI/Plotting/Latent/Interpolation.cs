namespace GenAI.Plotting;

/// <summary>Paths between two latent codes, endpoints included: one code per row, shape [steps, D].</summary>
public static partial class Interpolation
{
    /// <summary>Straight line: z(t) = (1 − t)·a + t·b for t = 0, 1/(steps−1), …, 1.</summary>
    public static float[,] Linear(float[] start, float[] end, int steps)
    {
        Check(start, end, steps);
        var path = new float[steps, start.Length];
        for (int s = 0; s < steps; s++)
        {
            double t = s / (double)(steps - 1);
            for (int j = 0; j < start.Length; j++) path[s, j] = (float)((1 - t) * start[j] + t * end[j]);
        }
        return path;
    }

    /// <summary>
    /// Spherical linear interpolation (slerp; Shoemake 1985), recommended for Gaussian latents because
    /// the straight line passes through the unlikely region near the origin (White 2016, "Sampling
    /// Generative Networks", arXiv:1609.04468):
    /// z(t) = sin((1−t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b, with Ω the angle between a and b.
    /// Falls back to the straight line when a and b point (almost) the same way or one is zero.
    /// </summary>
    public static float[,] Spherical(float[] start, float[] end, int steps)
    {
        Check(start, end, steps);
        double dot = 0, na = 0, nb = 0;
        for (int j = 0; j < start.Length; j++) { dot += start[j] * end[j]; na += start[j] * start[j]; nb += end[j] * end[j]; }
        if (na == 0 || nb == 0) return Linear(start, end, steps);
        double omega = Math.Acos(Math.Clamp(dot / Math.Sqrt(na * nb), -1, 1));
        double sinOmega = Math.Sin(omega);
        if (sinOmega < 1e-6) return Linear(start, end, steps);
        var path = new float[steps, start.Length];
        for (int s = 0; s < steps; s++)
        {
            double t = s / (double)(steps - 1);
            double wa = Math.Sin((1 - t) * omega) / sinOmega, wb = Math.Sin(t * omega) / sinOmega;
            for (int j = 0; j < start.Length; j++) path[s, j] = (float)(wa * start[j] + wb * end[j]);
        }
        return path;
    }

    private static void Check(float[] start, float[] end, int steps)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        if (start.Length != end.Length)
            throw new ArgumentException($"Start hat {start.Length} Dimensionen, Ziel {end.Length}: beide Codes brauchen gleich viele.", nameof(end));
        if (steps < 2)
            throw new ArgumentOutOfRangeException(nameof(steps), $"Eine Interpolation braucht mindestens 2 Schritte (Start und Ziel), nicht {steps}.");
    }
}
