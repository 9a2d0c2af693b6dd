namespace GenAI.Models.Diffusion;

/// <summary>Sizes of a <see cref="UNet"/> for square greyscale images.</summary>
public sealed record UNetConfig
{
    /// <summary>Side of the images (28; must be divisible by 4: two halvings).</summary>
    public int ImageSize { get; init; } = 28;
    /// <summary>Channels at full resolution; 2× at the two lower levels.</summary>
    public int Channels { get; init; } = 32;
    /// <summary>Length of the time (and class) embedding vector every block receives.</summary>
    public int Embedding { get; init; } = 128;
    /// <summary>Groups of GroupNorm (must divide <see cref="Channels"/>).</summary>
    public int Groups { get; init; } = 8;
    /// <summary>Classes for classifier-free guidance (10 for Fashion-MNIST); 0 for an unconditional model.</summary>
    public int Classes { get; init; }
}
