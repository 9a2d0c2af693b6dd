namespace GenAI.Models.Gans;

/// <summary>Which networks a <see cref="Gan"/> uses.</summary>
public enum GanArchitecture
{
    /// <summary>Fully connected generator and discriminator (Goodfellow et al. 2014).</summary>
    Mlp,
    /// <summary>Transposed convolutions, BatchNorm and LeakyReLU (Radford et al. 2015, "DCGAN").</summary>
    Dcgan,
    /// <summary>
    /// Fully connected networks on points in ℝ^<see cref="GanConfig.Dimensions"/> instead of images (toy data
    /// such as a ring of Gaussians, where mode collapse can be seen in a scatter plot). The generator has no
    /// tanh, and data and samples are used as they are, without the [0, 1] ↔ [−1, 1] rescaling of images.
    /// </summary>
    Points,
}

/// <summary>
/// Sizes of a <see cref="Gan"/>. <see cref="Classes"/> &gt; 0 makes it conditional (Mirza &amp; Osindero 2014):
/// the generator gets a label embedding beside z, the discriminator scores image and label together.
/// </summary>
public sealed record GanConfig
{
    /// <summary>MLP or DCGAN.</summary>
    public GanArchitecture Architecture { get; init; } = GanArchitecture.Mlp;
    /// <summary>Length of the noise vector z.</summary>
    public int LatentSize { get; init; } = 64;
    /// <summary>MLP: width of the hidden layers. DCGAN: filters of the first (widest-resolution) layer.</summary>
    public int Width { get; init; } = 256;
    /// <summary>Side of the square greyscale images (28; the DCGAN needs a multiple of 4).</summary>
    public int ImageSize { get; init; } = 28;
    /// <summary>Coordinates per point for <see cref="GanArchitecture.Points"/> (2 for the plane); unused for images.</summary>
    public int Dimensions { get; init; } = 2;
    /// <summary>Number of classes for a conditional GAN; 0 for an unconditional one.</summary>
    public int Classes { get; init; }

    /// <summary>True when the GAN takes class labels.</summary>
    public bool IsConditional => Classes > 0;

    /// <summary>True for the image architectures (MLP, DCGAN), false for <see cref="GanArchitecture.Points"/>.</summary>
    public bool MakesImages => Architecture != GanArchitecture.Points;
}
