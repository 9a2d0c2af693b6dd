using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>
/// A network ε_θ(x_t, t[, y]) that predicts the noise in x_t (Ho et al. 2020, eq. 11). Implemented by
/// <see cref="MlpDenoiser"/> (2-D points) and <see cref="UNet"/> (28 × 28 images); the samplers and the
/// trainer work with either.
/// </summary>
public interface IDenoiser
{
    /// <summary>
    /// Number of classes for class-conditional models (0 otherwise). Label <see cref="Classes"/> itself is the
    /// "null label" ∅ of classifier-free guidance: the model without a condition.
    /// </summary>
    int Classes { get; }

    /// <summary>ε̂ (same shape as x) for x_t (N, …), time steps t (N, long) and, if conditional, labels (N, long).</summary>
    Tensor PredictNoise(Tensor x, Tensor t, Tensor? labels = null);

    /// <summary>Switches training mode (dropout, normalisation statistics) on or off.</summary>
    void SetTraining(bool training);

    /// <summary>The trainable parameters.</summary>
    IEnumerable<TorchSharp.Modules.Parameter> Parameters { get; }
}
