using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GenAI.Models;

/// <summary>
/// The classic variational autoencoder (Kingma &amp; Welling 2014) as an MLP: the encoder maps an image
/// to a Gaussian q(z|x) = N(μ, σ²), a code z is drawn from it, and the decoder turns z back into an
/// image. The KL term of the loss pulls every q(z|x) towards N(0, I), so random z from N(0, I) decode
/// into plausible images — what a plain <see cref="Autoencoder"/> cannot do.
/// </summary>
public sealed class Vae : nn.Module<Tensor, (Tensor reconstruction, Tensor mu, Tensor logvar)>, IVariationalAutoencoder, ITrainable
{
    // Encoder: x (N, 784) → h (N, 400) → μ, log σ² (N, latent).
    private readonly nn.Module<Tensor, Tensor> fc1;
    private readonly nn.Module<Tensor, Tensor> fc_mu;
    private readonly nn.Module<Tensor, Tensor> fc_logvar;
    // Decoder: z (N, latent) → (N, 400) → x̂ (N, 784).
    private readonly nn.Module<Tensor, Tensor> fc3;
    private readonly nn.Module<Tensor, Tensor> fc4;

    /// <summary>Creates a VAE with freshly initialised weights (seed with <c>torch.manual_seed</c> first).</summary>
    public Vae(VaeConfig? config = null) : base(nameof(Vae))
    {
        Config = config ?? new VaeConfig();
        fc1 = nn.Linear(Config.InputSize, Config.HiddenSize);
        fc_mu = nn.Linear(Config.HiddenSize, Config.LatentSize);
        fc_logvar = nn.Linear(Config.HiddenSize, Config.LatentSize);
        fc3 = nn.Linear(Config.LatentSize, Config.HiddenSize);
        fc4 = nn.Linear(Config.HiddenSize, Config.InputSize);
        RegisterComponents();
    }

    /// <summary>The configuration this model was built from (saved with every checkpoint).</summary>
    public VaeConfig Config { get; }

    /// <inheritdoc/>
    public int LatentSize => Config.LatentSize;

    /// <inheritdoc/>
    public (Tensor mu, Tensor logvar) Encode(Tensor x)
    {
        var h = F.relu(fc1.forward(x.reshape(x.shape[0], -1))); // (N, 784) → (N, 400)
        return (fc_mu.forward(h), fc_logvar.forward(h));        // (N, latent) each
    }

    /// <inheritdoc/>
    public Tensor Decode(Tensor z) =>
        torch.sigmoid(fc4.forward(F.relu(fc3.forward(z))));      // (N, latent) → (N, 400) → (N, 784)

    /// <summary>
    /// Draws z ~ N(μ, σ²) so that gradients flow to μ and σ: the reparameterisation trick
    /// (Kingma &amp; Welling 2014, §2.4).
    /// </summary>
    public static Tensor Reparameterize(Tensor mu, Tensor logvar) =>
        Reparameterize(mu, logvar, torch.randn_like(mu));   // ε ~ N(0, I), (N, latent)

    /// <summary>z = μ + ε·exp(½·log σ²) for given noise ε (N, latent): the deterministic part of the trick.</summary>
    public static Tensor Reparameterize(Tensor mu, Tensor logvar, Tensor eps)
    {
        var std = torch.exp(0.5 * logvar);   // σ = exp(½·log σ²)
        return mu + eps * std;               // z = μ + ε·σ
    }

    /// <summary>Encode, sample z, decode: returns x̂ (N, 784), μ and log σ² (N, latent).</summary>
    public override (Tensor reconstruction, Tensor mu, Tensor logvar) forward(Tensor x)
    {
        var (mu, logvar) = Encode(x);
        var z = Reparameterize(mu, logvar);
        return (Decode(z), mu, logvar);
    }

    /// <summary>Loss of a batch of images: reconstruction and β·KL, summed over the batch.</summary>
    public VaeLoss Loss(Tensor x)
    {
        var (reconstruction, mu, logvar) = forward(x);
        return VaeLoss.Compute(reconstruction, x, mu, logvar, Config.Reconstruction, Config.Beta);
    }

    TrainingLoss ITrainable.Loss(IReadOnlyList<Tensor> batch) => Loss(batch[0]).ToTrainingLoss();

    /// <summary>Writes weights (safetensors) and config (JSON beside it); see <see cref="Checkpoint"/>.</summary>
    public void Save(string path) => Checkpoint.Save(this, Config, path);

    /// <summary>Rebuilds a VAE saved with <see cref="Save"/>.</summary>
    public static Vae Load(string path) => Checkpoint.Load(path, (VaeConfig config) => new Vae(config));
}
