using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>
/// The U-Net's building block, as in DDPM (Ho et al. 2020, App. B, after Wide ResNet): two 3 × 3 convolutions with
/// GroupNorm and SiLU, the embedding (time, plus class if any) projected to one bias per channel and added between
/// them, and a residual connection (1 × 1 convolution when the channel count changes). Every block sees t.
/// </summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> norm1, conv1, norm2, conv2, skip;
    private readonly nn.Module<Tensor, Tensor> embedding;

    public ResidualBlock(long input, long output, long embeddingSize, long groups) : base(nameof(ResidualBlock))
    {
        norm1 = GroupNorm(groups, input);
        conv1 = nn.Conv2d(input, output, 3, padding: 1);
        embedding = nn.Linear(embeddingSize, output);
        norm2 = GroupNorm(groups, output);
        conv2 = nn.Conv2d(output, output, 3, padding: 1);
        skip = input == output ? nn.Identity() : nn.Conv2d(input, output, 1);
        RegisterComponents();
    }

    /// <summary>
    /// GroupNorm (Wu &amp; He 2018) with scale 1 and shift 0. TorchSharp 0.107's <c>nn.GroupNorm</c> leaves both
    /// uninitialised (measured: NaN in fresh modules), so they are set here as PyTorch's reset_parameters does.
    /// </summary>
    internal static nn.Module<Tensor, Tensor> GroupNorm(long groups, long channels)
    {
        var norm = nn.GroupNorm(groups, channels);
        using var noGrad = torch.no_grad();
        norm.weight!.fill_(1);
        norm.bias!.zero_();
        return norm;
    }

    /// <summary>x (N, C_in, H, W) and embedding (N, E) → (N, C_out, H, W).</summary>
    public override Tensor forward(Tensor x, Tensor emb)
    {
        var h = conv1.forward(nn.functional.silu(norm1.forward(x)));                     // (N, C_out, H, W)
        h = h + embedding.forward(nn.functional.silu(emb)).unsqueeze(-1).unsqueeze(-1);   // + (N, C_out, 1, 1)
        h = conv2.forward(nn.functional.silu(norm2.forward(h)));                          // (N, C_out, H, W)
        return h + skip.forward(x);
    }
}
