namespace GenAI.Models;

/// <summary>How a model's output is compared with its input, per pixel, summed over the image.</summary>
public enum ReconstructionLoss
{
    /// <summary>
    /// Binary cross-entropy −[x·log x̂ + (1−x)·log(1−x̂)]: reads each pixel in [0, 1] as a Bernoulli
    /// probability; the classic VAE's choice (needs a sigmoid output).
    /// </summary>
    BinaryCrossEntropy,

    /// <summary>Squared error (x̂ − x)²: a Gaussian decoder with fixed variance; blurrier but simpler.</summary>
    MeanSquaredError,
}
