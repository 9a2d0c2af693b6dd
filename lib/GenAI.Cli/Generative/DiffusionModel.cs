using GenAI.Models;
using GenAI.Models.Diffusion;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Cli.Generative;

/// <summary>
/// <c>diffusion</c>: the class-conditional U-Net of chapter 03 (DDPM training on noise prediction with label dropout,
/// cosine schedule, T = 1000), sampled with DDIM (η = 0) and classifier-free guidance. <c>--label K</c> picks a class,
/// without it the samples are unconditional.
/// </summary>
public sealed class DiffusionModel : IGuidedGenerativeModel
{
    /// <summary>Steps T of the noise schedule.</summary>
    public const int Timesteps = 1000;

    /// <summary>The U-Net's sizes (≈ 0,39 M parameters, 1,6 MB as safetensors).</summary>
    public static UNetConfig Config => new() { Channels = 32, Embedding = 128, Groups = 8, Classes = 10 };

    /// <summary>Decay of the weights' moving average the model is saved with (a window of ≈ 200 of its ≈ 1.900 steps).</summary>
    public const double EmaDecay = 0.995;

    /// <summary>The schedule the model trains and samples with.</summary>
    public static NoiseSchedule Schedule => NoiseSchedule.Cosine(Timesteps);

    /// <inheritdoc/>
    public string Name => "diffusion";
    /// <inheritdoc/>
    public string Description => "Class-conditional diffusion U-Net of chapter 03 (DDIM sampling, classifier-free guidance; --label K optional).";
    /// <inheritdoc/>
    public bool IsConditional => true;
    /// <inheritdoc/>
    public GenerativeTrainingSettings Defaults => new(Images: 60_000, Epochs: 4, Seed: 42);
    /// <inheritdoc/>
    public int DefaultSteps => 50;
    /// <inheritdoc/>
    public double DefaultGuidance => 2;

    /// <inheritdoc/>
    public void Train(string path, GenerativeTrainingSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var (images, labels) = GenerativeModels.TrainingData(settings.Images);   // (N, 1, 28, 28) in [0, 1], (N)
        torch.manual_seed(settings.Seed);
        var unet = new UNet(Config);
        var trainer = new DiffusionTrainer(unet, Schedule, learningRate: 2e-3) { Seed = settings.Seed, Label = Name, EmaDecay = EmaDecay };
        var history = trainer.Fit(images * 2 - 1, labels, settings.Epochs, batchSize: 128, cancellationToken);   // [0, 1] → [−1, 1]
        unet.Save(path);
        log.WriteLine(FormattableString.Invariant(
            $"{Name}: {history.Losses.Count} steps in {history.Duration.TotalSeconds:F1} s, loss (mean of last 100) {history.Recent():F4}"));
    }

    /// <inheritdoc/>
    public bool TryInstallShipped(string path)
    {
        PretrainedModels.DiffusionUNet().Save(path);
        return true;
    }

    /// <inheritdoc/>
    public Tensor Sample(string path, int count, long seed, int? label) => Sample(path, count, seed, label, DefaultSteps, DefaultGuidance);

    /// <inheritdoc/>
    public Tensor Sample(string path, int count, long seed, int? label, int steps, double guidance)
    {
        var unet = UNet.Load(path);
        using var labels = label is { } k ? torch.full([count], (long)k, ScalarType.Int64) : null;   // (N)
        var x = DdimSampler.Sample(unet, Schedule, new SamplingRequest([count, 1, 28, 28], seed, labels, labels is null ? 0 : guidance),
                                   steps: steps, clip: 1);                                       // (N, 1, 28, 28) in [−1, 1]
        return ((x + 1) / 2).clamp(0, 1);
    }
}
