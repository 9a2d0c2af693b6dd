using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>What an attention step returns: the mixed values and the weights that mixed them.</summary>
/// <param name="Output">softmax(QKᵀ/√d)·V, shape [..., queries, value size].</param>
/// <param name="Weights">softmax(QKᵀ/√d), shape [..., queries, keys]; every row sums to 1.</param>
public readonly record struct AttentionOutput(Tensor Output, Tensor Weights);

/// <summary>
/// Scaled dot-product attention written out step by step (Vaswani et al. 2017, eq. 1), returning the
/// weights as well, so they can be plotted. It computes the same as
/// <c>torch.nn.functional.scaled_dot_product_attention</c>, which is faster but keeps the weights to itself.
/// </summary>
public static class ScaledDotProductAttention
{
    /// <summary>
    /// Attention(Q, K, V) = softmax(QKᵀ/√d)·V for queries [..., L, d], keys [..., S, d] and values
    /// [..., S, d_v]. <paramref name="mask"/> is boolean (<c>true</c> = may attend, see
    /// <see cref="AttentionMask"/>) or additive (added to the scores), broadcastable to [..., L, S].
    /// A query whose every key is blocked has no distribution to take; its row becomes NaN.
    /// </summary>
    public static AttentionOutput Compute(Tensor query, Tensor key, Tensor value, Tensor? mask = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Check(query, key, value);
        long d = query.shape[^1];
        // Scores: every query against every key, [..., L, d] @ [..., d, S] → [..., L, S].
        // Dividing by √d keeps their spread near 1 whatever d is, so the softmax does not saturate (§3.2.1).
        // CheckedMatmul: batch dimensions that don't broadcast would otherwise abort the process (TorchSharp 0.107).
        var scores = CheckedMatmul.matmul(query, key.transpose(-2, -1)) / Math.Sqrt(d);
        if (mask is not null)
            scores = mask.dtype == ScalarType.Bool
                ? scores.masked_fill(mask.logical_not(), double.NegativeInfinity)   // blocked → −∞ → weight 0
                : scores + mask;
        var weights = scores.softmax(-1);                 // [..., L, S], each row sums to 1
        return new AttentionOutput(CheckedMatmul.matmul(weights, value), weights);   // [..., L, S] @ [..., S, d_v] → [..., L, d_v]
    }

    private static void Check(Tensor query, Tensor key, Tensor value)
    {
        if (query.dim() < 2 || key.dim() < 2 || value.dim() < 2)
            throw new ArgumentException(
                $"Query, Key und Value brauchen mindestens die Form [Positionen, Dimension]; bekommen: {Shape(query)}, {Shape(key)}, {Shape(value)}.");
        if (query.shape[^1] != key.shape[^1])
            throw new ArgumentException(
                $"Query und Key müssen dieselbe letzte Dimension haben (sonst gibt es kein Skalarprodukt): Query {Shape(query)}, Key {Shape(key)}.");
        if (key.shape[^2] != value.shape[^2])
            throw new ArgumentException(
                $"Zu jedem Key gehört ein Value: Key {Shape(key)} und Value {Shape(value)} brauchen gleich viele Positionen (vorletzte Dimension).");
    }

    internal static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";
}
