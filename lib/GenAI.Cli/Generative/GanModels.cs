using GenAI.Models.Gans;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Cli.Generative;

/// <summary>
/// Training and sampling shared by the GANs of chapter 02, with the chapter's settings: 12 000 Fashion-MNIST
/// images (the same seeded selection), batches of 64, z of length 64, seed 42.
/// </summary>
public abstract class GanModel : IGenerativeModel
{
    /// <inheritdoc/>
    public abstract string Name { get; }
    /// <inheritdoc/>
    public abstract string Description { get; }
    /// <summary>Architecture and sizes.</summary>
    public abstract GanConfig Config { get; }
    /// <inheritdoc/>
    public abstract GenerativeTrainingSettings Defaults { get; }
    /// <inheritdoc/>
    public bool IsConditional => Config.IsConditional;
    /// <summary>Adam learning rate of the discriminator (and the generator).</summary>
    public virtual double LearningRate => 2e-4;

    /// <inheritdoc/>
    public void Train(string path, GenerativeTrainingSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var (images, labels) = GenerativeModels.TrainingData(settings.Images);   // (N, 1, 28, 28) in [0, 1], (N)
        torch.manual_seed(settings.Seed);
        var gan = new Gan(Config);
        var trainer = new GanTrainer(gan, learningRate: LearningRate, beta1: 0.5) { Seed = settings.Seed, Label = Name };
        var history = trainer.Fit(images, Config.IsConditional ? labels : null, settings.Epochs, batchSize: 64, cancellationToken);
        gan.Save(path);
        var last = history.Steps[^1];
        double seconds = history.Duration.TotalSeconds;
        log.WriteLine(FormattableString.Invariant(
            $"{Name}: {history.Steps.Count} steps in {seconds:F1} s, last D loss {last.DiscriminatorLoss:F3}, G loss {last.GeneratorLoss:F3}"));
    }

    /// <inheritdoc/>
    public Tensor Sample(string path, int count, long seed, int? label)
    {
        var gan = Gan.Load(path);
        using var labels = label is { } k ? torch.full([count], (long)k, ScalarType.Int64) : null;   // (N)
        return gan.Sample(count, seed, labels);
    }
}

/// <summary><c>gan</c>: the MLP GAN of chapter 02.</summary>
public sealed class MlpGanModel : GanModel
{
    /// <inheritdoc/>
    public override string Name => "gan";
    /// <inheritdoc/>
    public override string Description => "MLP GAN of chapter 02 (fully connected generator and discriminator).";
    /// <inheritdoc/>
    public override GanConfig Config => new() { Architecture = GanArchitecture.Mlp, Width = 256, LatentSize = 64 };
    /// <inheritdoc/>
    public override GenerativeTrainingSettings Defaults => new(Images: 12_000, Epochs: 3, Seed: 42);
}

/// <summary><c>dcgan</c>: the convolutional GAN of chapter 02.</summary>
public sealed class DcganModel : GanModel
{
    /// <inheritdoc/>
    public override string Name => "dcgan";
    /// <inheritdoc/>
    public override string Description => "DCGAN of chapter 02 (transposed convolutions, BatchNorm, LeakyReLU).";
    /// <inheritdoc/>
    public override GanConfig Config => new() { Architecture = GanArchitecture.Dcgan, Width = 16, LatentSize = 64 };
    /// <inheritdoc/>
    public override double LearningRate => 5e-4;
    /// <inheritdoc/>
    public override GenerativeTrainingSettings Defaults => new(Images: 12_000, Epochs: 5, Seed: 42);
}

/// <summary><c>cgan</c>: the conditional DCGAN of chapter 02; <c>--label K</c> picks the class.</summary>
public sealed class ConditionalGanModel : GanModel
{
    /// <inheritdoc/>
    public override string Name => "cgan";
    /// <inheritdoc/>
    public override string Description => "Conditional DCGAN of chapter 02; sample a class with --label K.";
    /// <inheritdoc/>
    public override GanConfig Config => new() { Architecture = GanArchitecture.Dcgan, Width = 16, LatentSize = 64, Classes = 10 };
    /// <inheritdoc/>
    public override double LearningRate => 5e-4;
    /// <inheritdoc/>
    public override GenerativeTrainingSettings Defaults => new(Images: 12_000, Epochs: 3, Seed: 42);
}
