namespace GenAI.Models;

/// <summary>
/// Shape of a <see cref="ConditionalVae"/>: the MLP VAE with a learned label embedding concatenated to
/// the encoder's input and to the decoder's z (Sohn et al. 2015, "Learning Structured Output
/// Representation using Deep Conditional Generative Models").
/// </summary>
public sealed record ConditionalVaeConfig
{
    /// <summary>Pixels per image: 28 × 28 = 784.</summary>
    public int InputSize { get; init; } = 784;

    /// <summary>Number of classes the model can be asked for (10 for Fashion-MNIST and digits).</summary>
    public int NumClasses { get; init; } = 10;

    /// <summary>Length of the learned label vector that joins encoder and decoder.</summary>
    public int EmbeddingSize { get; init; } = 16;

    /// <summary>Width of the hidden layer of encoder and decoder.</summary>
    public int HiddenSize { get; init; } = 400;

    /// <summary>Size of z; small, since the label already carries the class.</summary>
    public int LatentSize { get; init; } = 8;

    /// <summary>Reconstruction term, summed over pixels.</summary>
    public ReconstructionLoss Reconstruction { get; init; } = ReconstructionLoss.BinaryCrossEntropy;

    /// <summary>Weight β of the KL term; 1 is the plain VAE.</summary>
    public double Beta { get; init; } = 1.0;
}
