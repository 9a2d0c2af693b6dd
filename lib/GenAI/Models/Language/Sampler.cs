using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// The sampling step of every generator in the course: logits → (temperature, top-k, top-p) → probabilities → one id.
/// Works on plain arrays so the filters are exact and a seeded <see cref="Random"/> gives the same text every run.
/// Ties at the top-k border are broken by the lower id, so top-k keeps exactly k tokens.
/// <code>
/// long next = Sampler.Next(logits, new SamplingOptions(Temperature: 0.8, TopK: 20), random);
/// </code>
/// </summary>
public static class Sampler
{
    /// <summary>softmax(logits / temperature) as doubles (temperature &gt; 0).</summary>
    public static double[] Softmax(ReadOnlySpan<float> logits, double temperature = 1.0)
    {
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Die Temperatur muss hier größer als 0 sein.");
        if (logits.Length == 0) throw new ArgumentException("Keine Logits.", nameof(logits));
        double max = double.NegativeInfinity;
        foreach (var l in logits) max = Math.Max(max, l);
        var p = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < p.Length; i++) sum += p[i] = Math.Exp((logits[i] - max) / temperature);
        for (int i = 0; i < p.Length; i++) p[i] /= sum;
        return p;
    }

    /// <summary>The ids sorted by probability, most probable first (ties: lower id first).</summary>
    public static int[] Ranking(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var order = Enumerable.Range(0, probabilities.Count).ToArray();
        Array.Sort(order, (a, b) => probabilities[b].CompareTo(probabilities[a]) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }

    /// <summary>Keeps the <paramref name="k"/> most probable entries (exactly k, or all if there are fewer), zeroes the rest, renormalises.</summary>
    public static double[] TopK(IReadOnlyList<double> probabilities, int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "top-k braucht k ≥ 1.");
        var order = Ranking(probabilities);
        var kept = new double[probabilities.Count];
        for (int r = 0; r < Math.Min(k, order.Length); r++) kept[order[r]] = probabilities[order[r]];
        return Normalise(kept);
    }

    /// <summary>
    /// Keeps the smallest set of most probable entries whose probabilities sum to at least <paramref name="p"/>
    /// (the nucleus), zeroes the rest, renormalises. p = 1 keeps everything.
    /// </summary>
    public static double[] TopP(IReadOnlyList<double> probabilities, double p)
    {
        if (!(p > 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "top-p muss in (0, 1] liegen.");
        var order = Ranking(probabilities);
        var kept = new double[probabilities.Count];
        double total = probabilities.Sum(), mass = 0;
        foreach (int id in order)
        {
            kept[id] = probabilities[id];
            mass += probabilities[id];
            if (mass >= p * total * (1 - 1e-12)) break;   // reached p: this entry is the last one needed
        }
        return Normalise(kept);
    }

    /// <summary>The distribution <see cref="Next(ReadOnlySpan{float}, SamplingOptions, Random)"/> draws from (one-hot for greedy).</summary>
    public static double[] Distribution(ReadOnlySpan<float> logits, SamplingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Temperature == 0)
        {
            var oneHot = new double[logits.Length];
            oneHot[ArgMax(logits)] = 1;
            return oneHot;
        }
        var p = Softmax(logits, options.Temperature);
        if (options.TopK > 0) p = TopK(p, options.TopK);
        if (options.TopP < 1) p = TopP(p, options.TopP);
        return p;
    }

    /// <summary>One id drawn from the filtered distribution of <paramref name="logits"/> (greedy: the arg max).</summary>
    public static int Next(ReadOnlySpan<float> logits, SamplingOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Temperature == 0) return ArgMax(logits);
        return Draw(Distribution(logits, options), random);
    }

    /// <summary>One id from a logits tensor of shape (V) (or (1, V)).</summary>
    public static int Next(Tensor logits, SamplingOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.numel() != logits.shape[^1])
            throw new ArgumentException(
                $"Sampler.Next erwartet die Logits einer Position, Form (V); bekommen: [{string.Join(", ", logits.shape)}].", nameof(logits));
        using var flat = logits.detach().to(ScalarType.Float32).cpu().reshape(-1);
        return Next(flat.data<float>().ToArray(), options, random);
    }

    /// <summary>Draws an index in proportion to <paramref name="probabilities"/> (which need not sum to 1).</summary>
    public static int Draw(IReadOnlyList<double> probabilities, Random random)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(random);
        double total = probabilities.Sum(), r = random.NextDouble() * total;
        int last = -1;
        for (int i = 0; i < probabilities.Count; i++)
        {
            if (probabilities[i] <= 0) continue;
            last = i;
            r -= probabilities[i];
            if (r < 0) return i;
        }
        return last >= 0 ? last : throw new ArgumentException("Alle Wahrscheinlichkeiten sind 0.", nameof(probabilities));
    }

    private static int ArgMax(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }

    private static double[] Normalise(double[] p)
    {
        double sum = p.Sum();
        for (int i = 0; i < p.Length; i++) p[i] /= sum;
        return p;
    }
}
