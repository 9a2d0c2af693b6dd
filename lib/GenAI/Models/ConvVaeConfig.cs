namespace GenAI.Models;

/// <summary>
/// Shape of a <see cref="ConvVae"/> for 1 × 28 × 28 images: two stride-2 convolutions 28 → 14 → 7,
/// a linear layer to (μ, log σ²), and the mirror image with transposed convolutions 7 → 14 → 28.
/// Kept small so an epoch of Fashion-MNIST runs on a laptop CPU in well under a minute.
/// </summary>
public sealed record ConvVaeConfig
{
    /// <summary>Image channels: 1 for greyscale.</summary>
    public int Channels { get; init; } = 1;

    /// <summary>Image height and width; must be divisible by 4 (two halvings).</summary>
    public int ImageSize { get; init; } = 28;

    /// <summary>Feature maps after the first convolution (28 → 14).</summary>
    public int Filters1 { get; init; } = 16;

    /// <summary>Feature maps after the second convolution (14 → 7).</summary>
    public int Filters2 { get; init; } = 32;

    /// <summary>Size of z.</summary>
    public int LatentSize { get; init; } = 16;

    /// <summary>Reconstruction term, summed over pixels.</summary>
    public ReconstructionLoss Reconstruction { get; init; } = ReconstructionLoss.BinaryCrossEntropy;

    /// <summary>Weight β of the KL term; 1 is the plain VAE.</summary>
    public double Beta { get; init; } = 1.0;
}
