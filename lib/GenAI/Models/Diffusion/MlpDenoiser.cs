using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>Sizes of an <see cref="MlpDenoiser"/>.</summary>
public sealed record MlpDenoiserConfig
{
    /// <summary>Dimension of the data points (2 for the two moons).</summary>
    public int Dimensions { get; init; } = 2;
    /// <summary>Width of the hidden layers.</summary>
    public int Hidden { get; init; } = 128;
    /// <summary>Number of hidden layers.</summary>
    public int Layers { get; init; } = 3;
    /// <summary>Length of the sinusoidal time embedding.</summary>
    public int TimeEmbedding { get; init; } = 32;
}

/// <summary>
/// ε_θ(x_t, t) for points (N, D): an MLP whose every hidden layer gets the time embedding added, as the U-Net's
/// blocks do: h ← SiLU(W h + b + V·emb(t)). A few thousand steps of training on the two moons take seconds.
/// </summary>
public sealed class MlpDenoiser : nn.Module, IDenoiser
{
    private readonly SinusoidalTimeEmbedding time;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> layers;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> times;
    private readonly nn.Module<Tensor, Tensor> output;

    /// <summary>Creates the network with fresh weights (seed with <c>torch.manual_seed</c>).</summary>
    public MlpDenoiser(MlpDenoiserConfig? config = null) : base(nameof(MlpDenoiser))
    {
        Config = config ?? new MlpDenoiserConfig();
        time = new SinusoidalTimeEmbedding(Config.TimeEmbedding);
        layers = nn.ModuleList<nn.Module<Tensor, Tensor>>();
        times = nn.ModuleList<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i < Config.Layers; i++)
        {
            layers.Add(nn.Linear(i == 0 ? Config.Dimensions : Config.Hidden, Config.Hidden));
            times.Add(nn.Linear(Config.TimeEmbedding, Config.Hidden));
        }
        output = nn.Linear(Config.Hidden, Config.Dimensions);
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public MlpDenoiserConfig Config { get; }

    /// <inheritdoc/>
    public int Classes => 0;

    /// <inheritdoc/>
    public IEnumerable<TorchSharp.Modules.Parameter> Parameters => parameters();

    /// <inheritdoc/>
    public void SetTraining(bool training) => train(training);

    /// <inheritdoc/>
    public Tensor PredictNoise(Tensor x, Tensor t, Tensor? labels = null)
    {
        if (labels is not null) throw new ArgumentException("Dieses Modell ist nicht konditional: es nimmt keine Labels.", nameof(labels));
        if (x.dim() != 2 || x.shape[1] != Config.Dimensions)
            throw new ArgumentException($"Erwartet Punkte (N, {Config.Dimensions}), bekommen [{string.Join(", ", x.shape)}].", nameof(x));
        var emb = time.forward(t);                                          // (N, E)
        var h = x;                                                          // (N, D)
        for (int i = 0; i < layers.Count; i++)
            h = nn.functional.silu(layers[i].forward(h) + times[i].forward(emb));   // (N, H)
        return output.forward(h);                                           // (N, D)
    }

    /// <summary>Writes weights (safetensors) and config (JSON beside it).</summary>
    public void Save(string path) => Checkpoint.Save(this, Config, path);

    /// <summary>Rebuilds a denoiser saved with <see cref="Save"/>.</summary>
    public static MlpDenoiser Load(string path) => Checkpoint.Load(path, (MlpDenoiserConfig c) => new MlpDenoiser(c));
}
