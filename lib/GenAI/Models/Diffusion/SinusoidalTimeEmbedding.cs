using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>
/// The time step as a vector: the transformer's position encoding (Vaswani et al. 2017, §3.5) applied to t, as
/// DDPM does (Ho et al. 2020, App. B): [sin(t·ω_0), …, sin(t·ω_{d/2−1}), cos(t·ω_0), …], ω_i = 10000^(−i/(d/2)).
/// Low i vary fast with t, high i slowly, so nearby steps get similar vectors and far ones different ones.
/// No parameters; the networks follow it with a small MLP.
/// </summary>
public sealed class SinusoidalTimeEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly int _dimension;

    /// <summary>An embedding of even length <paramref name="dimension"/>.</summary>
    public SinusoidalTimeEmbedding(int dimension) : base(nameof(SinusoidalTimeEmbedding))
    {
        if (dimension < 2 || dimension % 2 != 0)
            throw new ArgumentException($"Die Länge der Zeiteinbettung muss gerade und mindestens 2 sein, ist aber {dimension}.", nameof(dimension));
        _dimension = dimension;
        RegisterComponents();
    }

    /// <summary>Time steps t (N) → embeddings (N, d).</summary>
    public override Tensor forward(Tensor t)
    {
        int half = _dimension / 2;
        var frequencies = torch.exp(-Math.Log(10000) * torch.arange(half, dtype: ScalarType.Float32) / half);   // (d/2)
        var angles = t.to_type(ScalarType.Float32).unsqueeze(1) * frequencies.unsqueeze(0);                     // (N, 1)·(1, d/2) → (N, d/2)
        return torch.cat([angles.sin(), angles.cos()], 1);                                                      // (N, d)
    }
}
