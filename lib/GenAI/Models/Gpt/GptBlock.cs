using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// One decoder block of a GPT: x ← x + Attention(LayerNorm(x)), then x ← x + MLP(LayerNorm(x)).
/// The LayerNorm sits before each part ("pre-LN", GPT-2; Xiong et al. 2020): the residual path from input to output
/// stays an identity, so gradients reach the first layers undamped and training needs no long warm-up.
/// The original transformer normalised after the addition (post-LN).
/// </summary>
public sealed class GptBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm ln_1;
    private readonly MultiHeadSelfAttention attn;
    private readonly LayerNorm ln_2;
    private readonly GptMlp mlp;

    /// <summary>Builds the block for <paramref name="config"/>.</summary>
    public GptBlock(GptConfig config) : base(nameof(GptBlock))
    {
        ArgumentNullException.ThrowIfNull(config);
        ln_1 = nn.LayerNorm(config.EmbeddingSize, bias: config.Bias);
        attn = new MultiHeadSelfAttention(config.Attention);
        ln_2 = nn.LayerNorm(config.EmbeddingSize, bias: config.Bias);
        mlp = new GptMlp(config);
        RegisterComponents();
    }

    /// <summary>The causal self-attention of this block.</summary>
    public MultiHeadSelfAttention Attention => attn;

    /// <summary>The feed-forward part of this block.</summary>
    public GptMlp Mlp => mlp;

    /// <summary>x [B, T, C] → [B, T, C].</summary>
    public override Tensor forward(Tensor x)
    {
        x = x + attn.forward(ln_1.forward(x));     // positions exchange information
        return x + mlp.forward(ln_2.forward(x));   // each position thinks on its own
    }

    /// <summary>New positions x [B, T_new, C] during generation; their keys and values go into <paramref name="cache"/>.</summary>
    public Tensor forward(Tensor x, KeyValueCache cache)
    {
        x = x + attn.forward(ln_1.forward(x), cache);
        return x + mlp.forward(ln_2.forward(x));
    }

    /// <summary>Like <see cref="forward(Tensor)"/>, plus the attention weights of every head [B, H, T, T].</summary>
    public (Tensor Output, Tensor Weights) ForwardWithWeights(Tensor x)
    {
        var (y, weights) = attn.ForwardWithWeights(ln_1.forward(x));
        x = x + y;
        return (x + mlp.forward(ln_2.forward(x)), weights);
    }
}
