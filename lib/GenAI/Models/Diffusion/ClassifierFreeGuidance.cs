using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>
/// Classifier-free guidance (Ho &amp; Salimans 2022, eq. 6): one network trained with and without labels predicts
/// both ε(x, y) and ε(x, ∅); sampling then uses ε̃ = (1 + w)·ε(x, y) − w·ε(x, ∅). w = 0 is the plain conditional
/// model; larger w pushes further in the direction that makes x "more y": clearer class, less variety.
/// </summary>
public static class ClassifierFreeGuidance
{
    /// <summary>
    /// ε̃ for x_t (N, …), t (N) and labels (N); <paramref name="weight"/> w ≥ 0. Without labels, or with w = 0,
    /// it is just the model's prediction. Both predictions come from one batch of 2N.
    /// </summary>
    public static Tensor PredictNoise(IDenoiser model, Tensor x, Tensor t, Tensor? labels, double weight)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (labels is null || weight == 0) return model.PredictNoise(x, t, labels);
        if (model.Classes == 0) throw new ArgumentException("Guidance braucht ein klassenbedingtes Modell (Classes > 0).", nameof(model));
        long n = x.shape[0];
        var none = torch.full([n], (long)model.Classes, ScalarType.Int64);                 // (N) null label ∅
        var both = model.PredictNoise(torch.cat([x, x], 0), torch.cat([t, t], 0), torch.cat([labels, none], 0));   // (2N, …)
        var conditional = both.narrow(0, 0, n);                                           // ε(x, y)
        var unconditional = both.narrow(0, n, n);                                         // ε(x, ∅)
        return (1 + weight) * conditional - weight * unconditional;
    }
}
