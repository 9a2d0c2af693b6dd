using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// An unconditional VAE seen from its latent space: what <see cref="LatentSpace"/> needs to sample,
/// interpolate and do class-direction arithmetic.
/// </summary>
public interface IVariationalAutoencoder
{
    /// <summary>Size of z.</summary>
    int LatentSize { get; }

    /// <summary>The encoder's distribution q(z|x) = N(μ, σ²) for a batch of images: μ and log σ², each (N, latent).</summary>
    (Tensor mu, Tensor logvar) Encode(Tensor x);

    /// <summary>Images (decoder means, pixels in [0, 1]) for latent codes z of shape (N, latent).</summary>
    Tensor Decode(Tensor z);
}
