using System.Diagnostics;
using GenAI.Core;
using GenAI.Display;
using GenAI.Plotting;
using TorchSharp;
using static TorchSharp.torch;
using Batches = System.Collections.Generic.IEnumerable<System.Collections.Generic.IList<TorchSharp.torch.Tensor>>;

namespace GenAI.Models;

/// <summary>
/// The training loop every chapter uses, in one place: for each epoch, shuffle through the training
/// batches (forward, loss, <c>backward</c>, <c>step</c>, <c>zero_grad</c>), then measure the loss on the
/// validation set without gradients. Losses are reported per sample; the <see cref="History"/> keeps
/// every epoch for plotting. Progress shows in place (notebook output or terminal bar), and the run
/// can be cancelled between batches. Every step runs in its own dispose scope, so the native memory
/// of a step's tensors is freed at once and the process's memory stays flat across epochs.
/// </summary>
/// <example>
/// <code>
/// torch.manual_seed(1);
/// var vae = new Vae();
/// var trainer = Trainer.For(vae, lr: 1e-3);
/// var history = trainer.Fit(trainLoader, epochs: 10, validation: testLoader);
/// </code>
/// </example>
public sealed class Trainer
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);
    private readonly nn.Module _model;
    private readonly optim.Optimizer _optimizer;
    private readonly Func<IReadOnlyList<Tensor>, TrainingLoss> _loss;

    /// <summary>Trains <paramref name="model"/> with <paramref name="optimizer"/>, minimising <paramref name="loss"/> (summed over each batch).</summary>
    public Trainer(nn.Module model, optim.Optimizer optimizer, Func<IReadOnlyList<Tensor>, TrainingLoss> loss)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        _model = model;
        _optimizer = optimizer;
        _loss = loss;
    }

    /// <summary>A trainer for one of this folder's models with Adam (the course's default optimiser).</summary>
    public static Trainer For<TModel>(TModel model, double lr = 1e-3) where TModel : nn.Module, ITrainable =>
        new(model, optim.Adam(model.parameters(), lr: lr), model.Loss);

    /// <summary>Every epoch trained so far (also across several calls of <see cref="Fit"/>).</summary>
    public TrainingHistory History { get; } = new();

    /// <summary>If set, <c>torch.manual_seed(Seed)</c> runs before training, so shuffling and sampling repeat.</summary>
    public long? Seed { get; init; }

    /// <summary>Label of the progress display.</summary>
    public string Label { get; init; } = "Training";

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs and returns the history. On cancellation the epochs
    /// finished so far stay in <see cref="History"/> and the model keeps its weights; then
    /// <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public TrainingHistory Fit(Batches train, int epochs, Batches? validation = null,
                               CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (Seed is { } seed) torch.manual_seed(seed);
        long batches = CountBatches(train);
        using var progress = Progress.Start(Label);
        int first = History.Epochs.Count + 1;
        for (int epoch = first; epoch < first + epochs; epoch++)
        {
            _model.train();
            var sums = new LossSums();
            var clock = Stopwatch.StartNew();
            var lastReport = -ReportInterval; // report the first batch at once
            long step = 0;
            foreach (var batch in train)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (torch.NewDisposeScope())
                {
                    var loss = _loss(AsList(batch));
                    _optimizer.zero_grad();
                    loss.Total.backward();
                    _optimizer.step();
                    sums.Add(loss, BatchSize(batch));
                }
                step++;
                if (clock.Elapsed - lastReport >= ReportInterval || step == batches)
                {
                    lastReport = clock.Elapsed;
                    progress.Report((epoch - first) * batches + step, epochs * batches,
                        $"Epoche {epoch}/{first + epochs - 1} · Verlust {GermanNumber.Format(sums.Mean, 2)}");
                }
            }
            clock.Stop();
            var (validationLoss, validationParts) = validation is null ? (null, null) : EvaluateCore(validation, cancellationToken);
            History.Add(new EpochResult(epoch, sums.Mean, validationLoss, sums.PartMeans(), validationParts, (int)step, clock.Elapsed));
            var detail = validationLoss is { } v
                ? $"Epoche {epoch}/{first + epochs - 1} · Verlust {GermanNumber.Format(sums.Mean, 2)} · Validierung {GermanNumber.Format(v, 2)}"
                : $"Epoche {epoch}/{first + epochs - 1} · Verlust {GermanNumber.Format(sums.Mean, 2)}";
            progress.Report((epoch - first + 1) * batches, epochs * batches, detail);
        }
        return History;
    }

    /// <summary>Mean loss per sample over <paramref name="data"/>, without gradients and in eval mode.</summary>
    public double Evaluate(Batches data, CancellationToken cancellationToken = default) =>
        EvaluateCore(data, cancellationToken).Loss!.Value;

    private (double? Loss, IReadOnlyDictionary<string, double>? Parts) EvaluateCore(Batches data, CancellationToken cancellationToken)
    {
        _model.eval();
        var sums = new LossSums();
        using (torch.no_grad())
        {
            foreach (var batch in data)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                sums.Add(_loss(AsList(batch)), BatchSize(batch));
            }
        }
        _model.train();
        return (sums.Mean, sums.PartMeans());
    }

    // TorchSharp's data loaders know their batch count; any other sequence of batches is counted once.
    private static long CountBatches(Batches batches) => batches switch
    {
        GenAI.Data.TensorLoader loader => loader.Count,
        TorchSharp.Modules.DataLoader<IList<Tensor>, IList<Tensor>> loader => loader.Count,
        ICollection<IList<Tensor>> collection => collection.Count,
        _ => batches.LongCount(),
    };

    private static IReadOnlyList<Tensor> AsList(IList<Tensor> batch) => batch as IReadOnlyList<Tensor> ?? [.. batch];

    private static long BatchSize(IList<Tensor> batch) => batch[0].shape[0];

    /// <summary>Running sums of a loss and its parts, turned into means per sample.</summary>
    private sealed class LossSums
    {
        private double _total;
        private long _samples;
        private readonly Dictionary<string, double> _parts = [];

        public void Add(TrainingLoss loss, long samples)
        {
            _total += loss.Total.item<float>();
            foreach (var part in loss.Parts)
                _parts[part.Name] = _parts.GetValueOrDefault(part.Name) + part.Value.item<float>();
            _samples += samples;
        }

        public double Mean => _samples == 0 ? double.NaN : _total / _samples;

        public IReadOnlyDictionary<string, double> PartMeans() => _parts.ToDictionary(p => p.Key, p => p.Value / _samples);
    }
}
