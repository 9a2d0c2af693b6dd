using System.Diagnostics;
using GenAI.Core;
using GenAI.Data;
using GenAI.Display;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>
/// DDPM training (Ho et al. 2020, Algorithm 1): take clean x_0, draw t uniformly from 0 … T − 1 and ε ~ N(0, I),
/// build x_t with the closed form, and minimise ‖ε − ε_θ(x_t, t)‖² (the "simple" loss, eq. 14). For a conditional
/// model a share <see cref="LabelDropout"/> of the labels is replaced by the null label ∅, so the same network also
/// learns ε(x_t, t, ∅) for classifier-free guidance (Ho &amp; Salimans 2022, Algorithm 1). Adam, lr 10⁻³ by default.
/// </summary>
public sealed class DiffusionTrainer
{
    private readonly IDenoiser _model;
    private readonly optim.Optimizer _optimizer;

    /// <summary>Creates the trainer and its Adam optimiser.</summary>
    public DiffusionTrainer(IDenoiser model, NoiseSchedule schedule, double learningRate = 1e-3)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        _optimizer = optim.Adam(model.Parameters, learningRate);
    }

    /// <summary>The noise schedule used for x_t.</summary>
    public NoiseSchedule Schedule { get; }

    /// <summary>Losses of all steps so far.</summary>
    public DiffusionHistory History { get; } = new();

    /// <summary>Share of labels replaced by ∅ during training (0,1 in Ho &amp; Salimans' experiments).</summary>
    public double LabelDropout { get; init; } = 0.1;

    /// <summary>If set, <c>torch.manual_seed(Seed)</c> runs before <see cref="Fit"/> and shuffling uses it too.</summary>
    public long? Seed { get; init; }

    /// <summary>
    /// Decay of an exponential moving average of the weights (null: none). When set, <see cref="Fit"/> updates the
    /// average after every step and ends by copying it into the model, so the model samples with averaged weights,
    /// which are smoother than the last step's (DDPM uses 0,9999 over 800k steps; a few thousand steps want ≈ 0,995).
    /// </summary>
    public double? EmaDecay { get; init; }

    /// <summary>Label for the progress display.</summary>
    public string Label { get; init; } = "Diffusions-Training";

    /// <summary>
    /// One step on a batch x_0 (N, …) with labels (N) for a conditional model; returns the loss.
    /// t, ε and the dropped labels come from torch's global generator (seed it for repeatable runs).
    /// </summary>
    public double Step(Tensor x0, Tensor? labels = null)
    {
        ArgumentNullException.ThrowIfNull(x0);
        using var scope = torch.NewDisposeScope();
        long n = x0.shape[0];
        var t = torch.randint(0, Schedule.Steps, [n], dtype: ScalarType.Int64);    // (N) t ~ U{0, …, T − 1}
        var noise = torch.randn_like(x0);                                          // ε ~ N(0, I)
        var xt = ForwardProcess.Sample(x0, t, Schedule, noise);                    // x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε
        if (labels is not null && _model.Classes > 0 && LabelDropout > 0)
        {
            var drop = torch.rand(n) < LabelDropout;                               // (N) true → ∅
            labels = torch.where(drop, torch.full([n], (long)_model.Classes, ScalarType.Int64), labels);
        }
        var loss = nn.functional.mse_loss(_model.PredictNoise(xt, t, _model.Classes > 0 ? labels : null), noise);
        _optimizer.zero_grad();
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }

    /// <summary>
    /// <paramref name="epochs"/> passes over <paramref name="data"/> (N, …) in batches (labels (N) for a conditional
    /// model). Images should be scaled to [−1, 1], the range of the noise. Cancellation stops between steps.
    /// </summary>
    public DiffusionHistory Fit(Tensor data, Tensor? labels = null, int epochs = 1, int batchSize = 128,
                                CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (_model.Classes > 0 && labels is null)
            throw new ArgumentException("Ein klassenbedingtes Modell braucht die Labels der Daten.", nameof(labels));
        if (Seed is { } seed) torch.manual_seed(seed);
        using var shuffle = new Generator((ulong)(Seed ?? 0) + 1);
        Tensor[] tensors = labels is null || _model.Classes == 0 ? [data] : [data, labels];
        var loader = new TensorLoader(batchSize, shuffle: true, dropLast: false, generator: shuffle, tensors);
        long total = epochs * loader.Count, done = 0;
        using var progress = Progress.Start(Label);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.FromSeconds(-1);
        using var ema = EmaDecay is { } decay ? new ExponentialMovingAverage(_model.Parameters, decay) : null;
        _model.SetTraining(true);
        try
        {
            for (int epoch = 1; epoch <= epochs; epoch++)
                foreach (var batch in loader)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    History.Add(Step(batch[0], batch.Count > 1 ? batch[1] : null));
                    ema?.Update();
                    done++;
                    if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(0.5) || done == total)
                    {
                        lastReport = clock.Elapsed;
                        progress.Report(done, total, $"Epoche {epoch}/{epochs} · Verlust {GermanNumber.Format(History.Recent(50), 3)}");
                    }
                }
        }
        finally
        {
            ema?.CopyToParameters();
            History.Duration += clock.Elapsed;
            _model.SetTraining(false);
        }
        return History;
    }
}
