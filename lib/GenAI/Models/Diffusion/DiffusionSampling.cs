using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>What a sampler is asked for: how many, from which noise (seed), which class, how much guidance.</summary>
/// <param name="Shape">Shape of the batch, e.g. [N, 2] for points or [N, 1, 28, 28] for images.</param>
/// <param name="Seed">Seed of the starting noise x_T and of every noise draw on the way (same seed, same samples).</param>
/// <param name="Labels">Class per sample (N) for a conditional model, or null.</param>
/// <param name="Guidance">Classifier-free guidance weight w (0 = none).</param>
public sealed record SamplingRequest(long[] Shape, long Seed, Tensor? Labels = null, double Guidance = 0);

/// <summary>Shared pieces of <see cref="DdpmSampler"/> and <see cref="DdimSampler"/>.</summary>
internal static class DiffusionSampling
{
    /// <summary>Runs <paramref name="body"/> in eval mode without gradients and restores the mode afterwards.</summary>
    public static Tensor InEvalMode(IDenoiser model, Func<Tensor> body)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = torch.no_grad();
        bool wasTraining = model is nn.Module m && m.training;
        model.SetTraining(false);
        try { return body(); }
        finally { model.SetTraining(wasTraining); }
    }

    /// <summary>(N) tensor filled with time step <paramref name="t"/>.</summary>
    public static Tensor Steps(long n, int t) => torch.full([n], (long)t, ScalarType.Int64);
}
