using GenAI.Data;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Cli.Generative;

/// <summary><c>vae</c>: the convolutional VAE chapter 02 compares with its GANs (latent size 8, BCE + KL, 5 epochs).</summary>
public sealed class VaeModel : IGenerativeModel
{
    /// <inheritdoc/>
    public string Name => "vae";
    /// <inheritdoc/>
    public string Description => "Convolutional VAE (latent size 8) that chapter 02 compares with its GANs.";
    /// <inheritdoc/>
    public bool IsConditional => false;
    /// <inheritdoc/>
    public GenerativeTrainingSettings Defaults => new(Images: 12_000, Epochs: 5, Seed: 42);

    /// <inheritdoc/>
    public void Train(string path, GenerativeTrainingSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var (images, _) = GenerativeModels.TrainingData(settings.Images);   // (N, 1, 28, 28) in [0, 1]
        torch.manual_seed(settings.Seed);
        var vae = new ConvVae(new ConvVaeConfig { LatentSize = 8 });
        using var shuffle = new Generator((ulong)settings.Seed + 1);
        var loader = new TensorLoader(128, shuffle: true, dropLast: false, generator: shuffle, images);   // (B, 1, 28, 28)
        var history = Trainer.For(vae, lr: 1e-3).Fit(loader, settings.Epochs, cancellationToken: cancellationToken);
        vae.Save(path);
        log.WriteLine(FormattableString.Invariant(
            $"{Name}: {settings.Epochs} epochs, last loss {history.Last!.TrainLoss:F2} (BCE + KL, sum per image)"));
    }

    /// <inheritdoc/>
    public Tensor Sample(string path, int count, long seed, int? label)
    {
        var vae = ConvVae.Load(path);
        vae.eval();
        using var noGrad = torch.no_grad();
        using var g = new Generator((ulong)seed);
        var z = torch.randn([count, vae.LatentSize], generator: g);   // z ~ N(0, I): (N, latent)
        return vae.Decode(z).reshape(count, 1, 28, 28);
    }
}
