using GenAI.Data;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Cli.Generative;

/// <summary><c>vae</c>: the MLP VAE of chapter 01 (hidden 400, latent 10, BCE + KL), to compare with the GANs.</summary>
public sealed class VaeModel : IGenerativeModel
{
    /// <inheritdoc/>
    public string Name => "vae";
    /// <inheritdoc/>
    public string Description => "MLP VAE of chapter 01 (latent size 10), for comparison with the GANs.";
    /// <inheritdoc/>
    public bool IsConditional => false;
    /// <inheritdoc/>
    public GenerativeTrainingSettings Defaults => new(Images: 20_000, Epochs: 10, Seed: 7);

    /// <inheritdoc/>
    public void Train(string path, GenerativeTrainingSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var (images, _) = GenerativeModels.TrainingData(settings.Images);   // (N, 1, 28, 28) in [0, 1]
        torch.manual_seed(settings.Seed);
        var vae = new Vae(new VaeConfig { LatentSize = 10 });
        using var shuffle = new Generator((ulong)settings.Seed + 1);
        var loader = new TensorLoader(128, shuffle: true, dropLast: false, generator: shuffle, images.reshape(images.shape[0], 784));   // (B, 784)
        var history = new Trainer(vae, optim.Adam(vae.parameters(), 1e-3), b => vae.Loss(b[0]).ToTrainingLoss()) { Seed = settings.Seed, Label = Name }
            .Fit(loader, settings.Epochs, cancellationToken: cancellationToken);
        vae.Save(path);
        log.WriteLine(FormattableString.Invariant(
            $"{Name}: {settings.Epochs} epochs, last loss {history.Last!.TrainLoss:F2} (BCE + KL, sum per image)"));
    }

    /// <inheritdoc/>
    public Tensor Sample(string path, int count, long seed, int? label)
    {
        var vae = Vae.Load(path);
        vae.eval();
        using var noGrad = torch.no_grad();
        using var g = new Generator((ulong)seed);
        var z = torch.randn([count, vae.LatentSize], generator: g);   // z ~ N(0, I): (N, latent)
        return vae.Decode(z).reshape(count, 1, 28, 28);
    }
}
