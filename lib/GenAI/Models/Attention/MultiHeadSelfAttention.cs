using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GenAI.Models;

/// <summary>
/// Multi-head self-attention (Vaswani et al. 2017, §3.2.2): one linear layer projects every position
/// to a query, a key and a value; the width is split into heads that attend independently; their
/// outputs are concatenated and projected back. Input and output are [batch, positions, EmbeddingSize].
/// <see cref="forward(Tensor)"/> uses libtorch's fused attention (fast, no weights);
/// <see cref="ForwardWithWeights"/> computes the same with the weights of every head, for plotting.
/// </summary>
public sealed class MultiHeadSelfAttention : nn.Module<Tensor, Tensor>
{
    // Field names become parameter names (qkv.weight, proj.weight, ...), as nanoGPT's c_attn / c_proj.
    private readonly Linear qkv;       // d_model → 3·d_model: W_Q, W_K, W_V stacked
    private readonly Linear proj;      // d_model → d_model: W_O
    private readonly Dropout resid_dropout;

    /// <summary>Creates the layer with freshly initialised weights (seed with <c>torch.manual_seed</c> first).</summary>
    public MultiHeadSelfAttention(MultiHeadAttentionConfig? config = null, string name = nameof(MultiHeadSelfAttention)) : base(name)
    {
        Config = config ?? new MultiHeadAttentionConfig();
        Config.Validate();
        int c = Config.EmbeddingSize;
        qkv = nn.Linear(c, 3 * c, hasBias: Config.Bias);
        proj = nn.Linear(c, c, hasBias: Config.Bias);
        resid_dropout = nn.Dropout(Config.Dropout);
        RegisterComponents();
    }

    /// <summary>The sizes this layer was built with.</summary>
    public MultiHeadAttentionConfig Config { get; }

    /// <summary>The stacked query/key/value projection [3·d_model, d_model]: rows 0…d−1 are W_Q, then W_K, then W_V.</summary>
    public Linear QueryKeyValue => qkv;

    /// <summary>The output projection W_O [d_model, d_model] applied to the concatenated heads.</summary>
    public Linear OutputProjection => proj;

    /// <summary>Attention over all positions of x [B, T, C] → [B, T, C], through the fused kernel.</summary>
    public override Tensor forward(Tensor x)
    {
        var (q, k, v) = Project(x);                                         // [B, H, T, hd] each
        double p = training ? Config.Dropout : 0;
        var y = F.scaled_dot_product_attention(q, k, v, p: p, is_casual: Config.Causal && x.shape[1] > 1);   // [B, H, T, hd]
        return resid_dropout.forward(proj.forward(MergeHeads(y)));          // [B, T, C]
    }

    /// <summary>
    /// The same result as <see cref="forward(Tensor)"/>, written out step by step, plus the weights of
    /// every head [B, H, T, T] (row = query position, column = key position; rows sum to 1).
    /// </summary>
    public AttentionOutput ForwardWithWeights(Tensor x)
    {
        var (q, k, v) = Project(x);                                         // [B, H, T, hd] each
        var mask = Config.Causal ? AttentionMask.Causal(x.shape[1], x.device) : null;   // [T, T], broadcast over B, H
        var (y, weights) = ScaledDotProductAttention.Compute(q, k, v, mask);   // y [B, H, T, hd], weights [B, H, T, T]
        if (training && Config.Dropout > 0)
            y = F.dropout(weights, Config.Dropout, training: true).matmul(v);   // attention dropout, as the fused path
        return new AttentionOutput(resid_dropout.forward(proj.forward(MergeHeads(y))), weights);
    }

    /// <summary>
    /// Attention for new positions x [B, T_new, C] during generation: their keys and values are appended
    /// to <paramref name="cache"/>, and each new query attends to every cached position up to its own.
    /// Feeding a sequence in pieces gives the same outputs as feeding it at once.
    /// </summary>
    public Tensor forward(Tensor x, KeyValueCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var (q, kNew, vNew) = Project(x);                                   // [B, H, T_new, hd] each
        var (k, v) = cache.Append(kNew, vNew);                              // [B, H, S, hd], S = cached + T_new
        long tNew = q.shape[2], s = k.shape[2];
        // One new query sees everything cached; several need the causal mask shifted to their positions.
        Tensor? mask = Config.Causal && tNew > 1 ? AttentionMask.Causal(tNew, s, x.device) : null;   // [T_new, S]
        var y = F.scaled_dot_product_attention(q, k, v, attn_mask: mask);   // [B, H, T_new, hd]
        return resid_dropout.forward(proj.forward(MergeHeads(y)));          // [B, T_new, C]
    }

    /// <summary>Projects x [B, T, C] to queries, keys and values split into heads, [B, H, T, hd] each.</summary>
    public (Tensor Query, Tensor Key, Tensor Value) Project(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 3 || x.shape[2] != Config.EmbeddingSize)
            throw new ArgumentException(
                $"Die Eingabe braucht die Form [Batch, Positionen, {Config.EmbeddingSize}], nicht {ScaledDotProductAttention.Shape(x)}.", nameof(x));
        long b = x.shape[0], t = x.shape[1];
        var parts = qkv.forward(x).split(Config.EmbeddingSize, dim: 2);   // [B, T, 3C] → 3 × [B, T, C]
        return (SplitHeads(parts[0], b, t), SplitHeads(parts[1], b, t), SplitHeads(parts[2], b, t));
    }

    // [B, T, C] → [B, T, H, hd] → [B, H, T, hd]: each head attends on its own slice of the width.
    private Tensor SplitHeads(Tensor z, long b, long t) =>
        z.view(b, t, Config.Heads, Config.HeadSize).transpose(1, 2);

    // [B, H, T, hd] → [B, T, H, hd] → [B, T, C]: the heads' outputs side by side ("Concat" in eq. 2).
    private static Tensor MergeHeads(Tensor y) =>
        y.transpose(1, 2).contiguous().view(y.shape[0], y.shape[2], y.shape[1] * y.shape[3]);
}
