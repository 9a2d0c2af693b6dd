using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// A convolutional VAE for small greyscale images. Convolutions share weights across positions, so
/// with fewer parameters than the MLP <see cref="Vae"/> it sees strokes and edges wherever they are.
/// The course's original uses this design on 64 × 64 faces and a GPU; this one is sized for
/// 28 × 28 Fashion-MNIST on a laptop CPU.
/// </summary>
public sealed class ConvVae : nn.Module<Tensor, (Tensor reconstruction, Tensor mu, Tensor logvar)>, IVariationalAutoencoder, ITrainable
{
    // x (N, 1, 28, 28) → (N, 16, 14, 14) → (N, 32, 7, 7) → (N, 32·7·7)
    private readonly nn.Module<Tensor, Tensor> encoder;
    private readonly nn.Module<Tensor, Tensor> fc_mu;
    private readonly nn.Module<Tensor, Tensor> fc_logvar;
    // z (N, latent) → (N, 32·7·7)
    private readonly nn.Module<Tensor, Tensor> fc_decode;
    // (N, 32, 7, 7) → (N, 16, 14, 14) → x̂ (N, 1, 28, 28)
    private readonly nn.Module<Tensor, Tensor> decoder;

    private readonly long side;      // 7 for 28 × 28 input
    private readonly long features;  // 32·7·7

    /// <summary>Creates a convolutional VAE with freshly initialised weights.</summary>
    public ConvVae(ConvVaeConfig? config = null) : base(nameof(ConvVae))
    {
        Config = config ?? new ConvVaeConfig();
        if (Config.ImageSize % 4 != 0)
            throw new ArgumentException($"ImageSize muss durch 4 teilbar sein (zwei Halbierungen), ist aber {Config.ImageSize}.", nameof(config));
        side = Config.ImageSize / 4;
        features = Config.Filters2 * side * side;
        // kernel 4, stride 2, padding 1 halves the size exactly: (28 + 2 − 4)/2 + 1 = 14.
        encoder = nn.Sequential(
            nn.Conv2d(Config.Channels, Config.Filters1, 4, stride: 2, padding: 1), nn.ReLU(),
            nn.Conv2d(Config.Filters1, Config.Filters2, 4, stride: 2, padding: 1), nn.ReLU(),
            nn.Flatten());
        fc_mu = nn.Linear(features, Config.LatentSize);
        fc_logvar = nn.Linear(features, Config.LatentSize);
        fc_decode = nn.Linear(Config.LatentSize, features);
        // The transposed convolution with the same kernel/stride/padding doubles: (7 − 1)·2 − 2 + 4 = 14.
        decoder = nn.Sequential(
            nn.ConvTranspose2d(Config.Filters2, Config.Filters1, 4, stride: 2, padding: 1), nn.ReLU(),
            nn.ConvTranspose2d(Config.Filters1, Config.Channels, 4, stride: 2, padding: 1), nn.Sigmoid());
        RegisterComponents();
    }

    /// <summary>The configuration this model was built from.</summary>
    public ConvVaeConfig Config { get; }

    /// <inheritdoc/>
    public int LatentSize => Config.LatentSize;

    /// <summary>μ and log σ² (N, latent) for images (N, 1, 28, 28) or flattened (N, 784).</summary>
    public (Tensor mu, Tensor logvar) Encode(Tensor x)
    {
        var image = x.reshape(x.shape[0], Config.Channels, Config.ImageSize, Config.ImageSize); // (N, C, H, W)
        var h = encoder.forward(image);                                                           // (N, 32·7·7)
        return (fc_mu.forward(h), fc_logvar.forward(h));
    }

    /// <summary>Images (N, 1, 28, 28) for codes (N, latent).</summary>
    public Tensor Decode(Tensor z)
    {
        var h = nn.functional.relu(fc_decode.forward(z)).reshape(z.shape[0], Config.Filters2, side, side); // (N, 32, 7, 7)
        return decoder.forward(h);                                                               // (N, 1, 28, 28)
    }

    /// <summary>Encode, sample z (<see cref="Vae.Reparameterize(Tensor, Tensor)"/>), decode.</summary>
    public override (Tensor reconstruction, Tensor mu, Tensor logvar) forward(Tensor x)
    {
        var (mu, logvar) = Encode(x);
        return (Decode(Vae.Reparameterize(mu, logvar)), mu, logvar);
    }

    /// <summary>Loss of a batch: reconstruction and β·KL, summed over the batch.</summary>
    public VaeLoss Loss(Tensor x)
    {
        var (reconstruction, mu, logvar) = forward(x);
        return VaeLoss.Compute(reconstruction, x, mu, logvar, Config.Reconstruction, Config.Beta);
    }

    TrainingLoss ITrainable.Loss(IReadOnlyList<Tensor> batch) => Loss(batch[0]).ToTrainingLoss();

    /// <summary>Writes weights (safetensors) and config (JSON beside it).</summary>
    public void Save(string path) => Checkpoint.Save(this, Config, path);

    /// <summary>Rebuilds a ConvVae saved with <see cref="Save"/>.</summary>
    public static ConvVae Load(string path) => Checkpoint.Load(path, (ConvVaeConfig config) => new ConvVae(config));
}
