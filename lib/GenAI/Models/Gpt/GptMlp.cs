using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// The position-wise feed-forward part of a transformer block (Vaswani et al. 2017, §3.3): widen to 4·d_model,
/// GELU (Hendrycks &amp; Gimpel 2016, as in GPT-2), project back. It works on each position on its own;
/// attention is the only place where positions exchange information.
/// </summary>
public sealed class GptMlp : nn.Module<Tensor, Tensor>
{
    // Field names become parameter names, as nanoGPT's c_fc / c_proj.
    private readonly Linear c_fc;      // C → 4C
    private readonly GELU gelu;
    private readonly Linear c_proj;    // 4C → C
    private readonly Dropout dropout;

    /// <summary>Builds the two layers for <paramref name="config"/>'s width.</summary>
    public GptMlp(GptConfig config) : base(nameof(GptMlp))
    {
        ArgumentNullException.ThrowIfNull(config);
        c_fc = nn.Linear(config.EmbeddingSize, config.MlpSize, hasBias: config.Bias);
        gelu = nn.GELU();
        c_proj = nn.Linear(config.MlpSize, config.EmbeddingSize, hasBias: config.Bias);
        dropout = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    /// <summary>The projection back to the model's width (initialised smaller, see <see cref="Gpt"/>).</summary>
    public Linear OutputProjection => c_proj;

    /// <summary>x [B, T, C] → [B, T, C].</summary>
    public override Tensor forward(Tensor x) =>
        dropout.forward(c_proj.forward(gelu.forward(c_fc.forward(x))));   // [B, T, 4C] in between
}
