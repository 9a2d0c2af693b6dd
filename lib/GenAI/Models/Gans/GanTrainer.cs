using System.Diagnostics;
using GenAI.Core;
using GenAI.Data;
using GenAI.Display;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Gans;

/// <summary>
/// Trains a <see cref="Gan"/> with alternating steps (Goodfellow et al. 2014, Algorithm 1):
/// D maximises log D(x) + log(1 − D(G(z))), i.e. minimises BCE with target 1 on real and 0 on fake;
/// G minimises −log D(G(z)) (the non-saturating loss; log(1 − D(G(z))) has no gradient when D wins).
/// Adam with lr 2·10⁻⁴ and β₁ = 0,5 as in the DCGAN paper (Radford et al. 2015).
/// </summary>
public sealed class GanTrainer
{
    private readonly Gan _gan;
    private readonly optim.Optimizer _optD;
    private readonly optim.Optimizer _optG;

    /// <summary>Creates the two optimisers (one per network).</summary>
    public GanTrainer(Gan gan, double learningRate = 2e-4, double generatorLearningRate = double.NaN, double beta1 = 0.5)
    {
        _gan = gan ?? throw new ArgumentNullException(nameof(gan));
        _optD = optim.Adam(gan.DiscriminatorParameters, learningRate, beta1, 0.999);
        _optG = optim.Adam(gan.GeneratorParameters, double.IsNaN(generatorLearningRate) ? learningRate : generatorLearningRate, beta1, 0.999);
    }

    /// <summary>Steps of all runs so far.</summary>
    public GanHistory History { get; } = new();

    /// <summary>If set, <c>torch.manual_seed(Seed)</c> runs before training and shuffling uses it too.</summary>
    public long? Seed { get; init; }

    /// <summary>Label for the progress display.</summary>
    public string Label { get; init; } = "GAN-Training";

    /// <summary>
    /// Use the saturating generator loss log(1 − D(G(z))) instead of −log D(G(z)) (to show why nobody does).
    /// </summary>
    public bool SaturatingGeneratorLoss { get; init; }

    /// <summary>Discriminator steps per generator step (1 in the DCGAN paper).</summary>
    public int DiscriminatorSteps { get; init; } = 1;

    /// <summary>
    /// Called after every step with the number of steps so far (all runs), e.g. to keep samples along the way.
    /// Sampling with a seed here leaves the training itself unchanged: <see cref="Gan.Noise"/> then draws from its own generator.
    /// </summary>
    public Action<int>? AfterStep { get; init; }

    /// <summary>
    /// Trains for <paramref name="epochs"/> passes over <paramref name="images"/> (N, 1, S, S) in [0, 1]
    /// (labels (N) for a conditional GAN), or over points (N, d) for <see cref="GanArchitecture.Points"/>.
    /// Cancellation stops between steps with an exception.
    /// </summary>
    public GanHistory Fit(Tensor images, Tensor? labels = null, int epochs = 1, int batchSize = 64,
                          CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (_gan.Config.IsConditional && labels is null)
            throw new ArgumentException("Ein konditionales GAN braucht die Labels der Bilder.", nameof(labels));
        if (Seed is { } seed) torch.manual_seed(seed);
        using var shuffle = new Generator((ulong)(Seed ?? 0) + 1);
        Tensor[] tensors = labels is null || !_gan.Config.IsConditional ? [images] : [images, labels];
        var loader = new TensorLoader(batchSize, shuffle: true, dropLast: true, generator: shuffle, tensors);
        long total = epochs * loader.Count;
        using var progress = Progress.Start(Label);
        int first = History.Steps.Count == 0 ? 1 : History.Steps[^1].Epoch + 1;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.FromSeconds(-1);
        long done = 0;
        _gan.train();
        for (int epoch = first; epoch < first + epochs; epoch++)
        {
            foreach (var batch in loader)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var step = Step(batch[0], batch.Count > 1 ? batch[1] : null, epoch);
                History.Add(step);
                AfterStep?.Invoke(History.Steps.Count);
                done++;
                if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(0.5) || done == total)
                {
                    lastReport = clock.Elapsed;
                    progress.Report(done, total,
                        $"Epoche {epoch}/{first + epochs - 1} · D {GermanNumber.Format(step.DiscriminatorLoss, 2)} "
                        + $"· G {GermanNumber.Format(step.GeneratorLoss, 2)}");
                }
            }
        }
        History.Duration += clock.Elapsed;
        _gan.eval();
        return History;
    }

    /// <summary>One D step (or <see cref="DiscriminatorSteps"/>) and one G step on a batch of real images in [0, 1] (or points).</summary>
    public GanStep Step(Tensor real01, Tensor? labels, int epoch = 1)
    {
        using var scope = torch.NewDisposeScope();
        var real = _gan.Config.MakesImages ? real01 * 2 - 1 : real01;  // images: [0, 1] → [−1, 1] like G's tanh
        long n = real.shape[0];
        var ones = torch.ones(n);
        var zeros = torch.zeros(n);
        double dLoss = 0, dReal = 0, dFake = 0;
        for (int k = 0; k < DiscriminatorSteps; k++)
        {
            // Discriminator: BCE(D(x), 1) + BCE(D(G(z)), 0); G's output is detached so only D learns here.
            var fake = _gan.Generator(_gan.Noise((int)n), labels).detach();
            var logitReal = _gan.Discriminator(real, labels);
            var logitFake = _gan.Discriminator(fake, labels);
            var lossD = nn.functional.binary_cross_entropy_with_logits(logitReal, ones)
                      + nn.functional.binary_cross_entropy_with_logits(logitFake, zeros);
            _optD.zero_grad();
            lossD.backward();
            _optD.step();
            dLoss = lossD.item<float>();
            dReal = torch.sigmoid(logitReal).mean().item<float>();
            dFake = torch.sigmoid(logitFake).mean().item<float>();
        }
        // Generator: non-saturating −log D(G(z)) = BCE(D(G(z)), 1), or the saturating log(1 − D(G(z))) = −BCE(D(G(z)), 0).
        var logit = _gan.Discriminator(_gan.Generator(_gan.Noise((int)n), labels), labels);
        var lossG = SaturatingGeneratorLoss
            ? -nn.functional.binary_cross_entropy_with_logits(logit, zeros)
            : nn.functional.binary_cross_entropy_with_logits(logit, ones);
        _optG.zero_grad();
        lossG.backward();
        _optG.step();
        return new GanStep(epoch, dLoss, lossG.item<float>(), dReal, dFake);
    }
}
