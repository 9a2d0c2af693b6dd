using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// A plain autoencoder: an MLP squeezes an image through a small code z (2 or 10 numbers) and a
/// mirrored MLP rebuilds it. It learns good reconstructions, but nothing makes its latent space
/// orderly, so random codes decode to noise — the motivation for the <see cref="Vae"/>.
/// </summary>
public sealed class Autoencoder : nn.Module<Tensor, Tensor>, ITrainable
{
    // x (N, 784) → (N, 128) → (N, 64) → z (N, latent)
    private readonly nn.Module<Tensor, Tensor> encoder;
    // z (N, latent) → (N, 64) → (N, 128) → x̂ (N, 784), pixels in [0, 1]
    private readonly nn.Module<Tensor, Tensor> decoder;

    /// <summary>Creates an autoencoder with freshly initialised weights.</summary>
    public Autoencoder(AutoencoderConfig? config = null) : base(nameof(Autoencoder))
    {
        Config = config ?? new AutoencoderConfig();
        encoder = nn.Sequential(
            nn.Linear(Config.InputSize, Config.Hidden1), nn.ReLU(),
            nn.Linear(Config.Hidden1, Config.Hidden2), nn.ReLU(),
            nn.Linear(Config.Hidden2, Config.LatentSize));
        decoder = nn.Sequential(
            nn.Linear(Config.LatentSize, Config.Hidden2), nn.ReLU(),
            nn.Linear(Config.Hidden2, Config.Hidden1), nn.ReLU(),
            nn.Linear(Config.Hidden1, Config.InputSize), nn.Sigmoid());
        RegisterComponents();
    }

    /// <summary>The configuration this model was built from.</summary>
    public AutoencoderConfig Config { get; }

    /// <summary>Size of z.</summary>
    public int LatentSize => Config.LatentSize;

    /// <summary>Codes z (N, latent) for images (N, 784) or (N, 1, 28, 28).</summary>
    public Tensor Encode(Tensor x) => encoder.forward(x.reshape(x.shape[0], -1));

    /// <summary>Images (N, 784) for codes (N, latent).</summary>
    public Tensor Decode(Tensor z) => decoder.forward(z);

    /// <summary>Reconstructions (N, 784) of images x.</summary>
    public override Tensor forward(Tensor x) => Decode(Encode(x));

    /// <summary>Reconstruction loss of a batch, summed over pixels and images.</summary>
    public Tensor Loss(Tensor x) => VaeLoss.ReconstructionTerm(forward(x), x, Config.Reconstruction);

    TrainingLoss ITrainable.Loss(IReadOnlyList<Tensor> batch) => new(Loss(batch[0]));

    /// <summary>Writes weights (safetensors) and config (JSON beside it).</summary>
    public void Save(string path) => Checkpoint.Save(this, Config, path);

    /// <summary>Rebuilds an autoencoder saved with <see cref="Save"/>.</summary>
    public static Autoencoder Load(string path) => Checkpoint.Load(path, (AutoencoderConfig config) => new Autoencoder(config));
}
