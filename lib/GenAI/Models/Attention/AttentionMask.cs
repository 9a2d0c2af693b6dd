using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// Attention masks in the convention of <c>torch.nn.functional.scaled_dot_product_attention</c>: a
/// boolean matrix [queries, keys] where <c>true</c> means "this query may look at this key". The
/// additive form (0 where allowed, −∞ where not) is what gets added to the scores before the softmax;
/// it works for every attention function. TorchSharp's <c>nn.MultiheadAttention</c> needs it: libtorch's
/// C++ module adds its <c>attn_mask</c> to the scores, so a boolean mask there adds 0 or 1 and blocks nothing.
/// </summary>
public static class AttentionMask
{
    /// <summary>
    /// The causal mask for self-attention over <paramref name="length"/> positions: the lower triangle
    /// [length, length], so position i sees positions 0 … i and nothing after it (Vaswani et al. 2017, §3.2.3).
    /// </summary>
    public static Tensor Causal(long length, Device? device = null) => Causal(length, length, device);

    /// <summary>
    /// The causal mask when <paramref name="queries"/> new positions attend to <paramref name="keys"/>
    /// positions whose last <paramref name="queries"/> are the new ones (the others come from a key/value
    /// cache): query i sits at absolute position keys − queries + i and sees keys 0 … that position.
    /// </summary>
    public static Tensor Causal(long queries, long keys, Device? device = null)
    {
        if (queries < 1) throw new ArgumentOutOfRangeException(nameof(queries), $"Eine Maske braucht mindestens eine Anfrage (Query), nicht {queries}.");
        if (keys < queries)
            throw new ArgumentOutOfRangeException(nameof(keys),
                $"{queries} neue Positionen brauchen mindestens {queries} Schlüssel (Keys), nicht {keys}: "
                + "die neuen Positionen gehören selbst zu den Schlüsseln.");
        // tril with diagonal keys − queries aligns the last query with the last key.
        return torch.ones(queries, keys, ScalarType.Bool, device).tril(keys - queries);   // [queries, keys]
    }

    /// <summary>
    /// Turns a boolean mask (<c>true</c> = allowed) into the additive form: 0 where allowed, −∞ where
    /// blocked, so that e^(score − ∞) = 0 after the softmax.
    /// </summary>
    public static Tensor Additive(Tensor allowed, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (allowed.dtype != ScalarType.Bool)
            throw new ArgumentException($"Die Maske muss vom Typ Bool sein (true = erlaubt), nicht {allowed.dtype}.", nameof(allowed));
        return torch.zeros(allowed.shape, dtype, allowed.device).masked_fill(allowed.logical_not(), double.NegativeInfinity);
    }
}
