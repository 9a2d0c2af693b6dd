namespace GenAI.Models;

/// <summary>
/// Shape and loss of a <see cref="Vae"/>: the classic MLP VAE 784 → 400 → (μ, log σ²) → 400 → 784
/// from Kingma &amp; Welling (2014) and PyTorch's examples/vae.
/// </summary>
public sealed record VaeConfig
{
    /// <summary>Pixels per image: 28 × 28 = 784.</summary>
    public int InputSize { get; init; } = 784;

    /// <summary>Width of the single hidden layer of encoder and decoder (400 as in the paper's MNIST runs).</summary>
    public int HiddenSize { get; init; } = 400;

    /// <summary>Size of z: 20 for good samples, 2 (see <see cref="TwoDimensional"/>) to plot the latent space.</summary>
    public int LatentSize { get; init; } = 20;

    /// <summary>Reconstruction term, summed over pixels; binary cross-entropy as in the paper.</summary>
    public ReconstructionLoss Reconstruction { get; init; } = ReconstructionLoss.BinaryCrossEntropy;

    /// <summary>Weight β of the KL term (β-VAE, Higgins et al. 2017); 1 is the plain VAE's ELBO.</summary>
    public double Beta { get; init; } = 1.0;

    /// <summary>The 2-D variant whose latent space can be drawn as a scatter plot without PCA.</summary>
    public static VaeConfig TwoDimensional => new() { LatentSize = 2 };
}
