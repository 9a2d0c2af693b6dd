namespace GenAI.Models;

/// <summary>Shape of an <see cref="Autoencoder"/>: an MLP 784 → 128 → 64 → latent → 64 → 128 → 784.</summary>
public sealed record AutoencoderConfig
{
    /// <summary>Pixels per image: 28 × 28 = 784 (Fashion-MNIST, MNIST, digits resampled to 28 × 28).</summary>
    public int InputSize { get; init; } = 784;

    /// <summary>Width of the first hidden layer (128 as in the course's original).</summary>
    public int Hidden1 { get; init; } = 128;

    /// <summary>Width of the second hidden layer (64 as in the original).</summary>
    public int Hidden2 { get; init; } = 64;

    /// <summary>Size of the code z: 2 to plot it directly, 10 for sharper reconstructions.</summary>
    public int LatentSize { get; init; } = 2;

    /// <summary>Loss per image, summed over pixels; the original autoencoder uses squared error.</summary>
    public ReconstructionLoss Reconstruction { get; init; } = ReconstructionLoss.MeanSquaredError;
}
