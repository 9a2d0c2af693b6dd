using System.Diagnostics;
using GenAI.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// nanoGPT's training loop for a <see cref="Gpt"/>: random windows, cross-entropy, AdamW with decoupled weight decay on
/// matrices only (Loshchilov &amp; Hutter 2019), warm-up and cosine learning-rate decay, gradient clipping, and an
/// evaluation of both splits every <see cref="GptTrainingOptions.EvalInterval"/> steps. Chapter 07 writes the same lines
/// out in a cell; <c>genai train gpt</c> and the benchmark call this. Without dropout it splits each batch over one model replica
/// per intra-op thread (<see cref="DataParallel{TModel}"/>, <see cref="GptTrainingOptions.DataParallel"/>).
/// </summary>
public static class GptTrainer
{
    /// <summary>Trains <paramref name="model"/> on windows of <paramref name="train"/>, evaluating on <paramref name="validation"/>.</summary>
    /// <param name="model">The model; its BlockSize must equal the windows' length.</param>
    /// <param name="train">Training ids, cut into windows of the model's BlockSize.</param>
    /// <param name="validation">Held-out ids, same window length.</param>
    /// <param name="options">nanoGPT's knobs.</param>
    /// <param name="onEvaluation">Called after every evaluation (progress output).</param>
    /// <param name="cancellation">Stops after the current step; the history then ends with an evaluation of the model so far.</param>
    public static GptTrainingHistory Train(Gpt model, TextWindows train, TextWindows validation, GptTrainingOptions options,
        Action<GptEvaluation>? onEvaluation = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.BlockSize != model.Config.BlockSize || validation.BlockSize != model.Config.BlockSize)
            throw new ArgumentException(
                $"Die Fenster ({train.BlockSize}/{validation.BlockSize}) müssen so lang sein wie der Kontext des Modells ({model.Config.BlockSize}).");
        var random = new Random(options.Seed);
        int replicas = Replicas(model, options);
        using var parallel = replicas > 1 ? new DataParallel<Gpt>(model, () => new Gpt(model.Config), replicas, DecayGroup) : null;
        // One AdamW, or one per replica over its slice of the shared weights (updated side by side).
        AdamW[] optimizers = parallel is null ? [CreateOptimizer(model, options)] : [.. parallel.Slices.Select(slice => CreateOptimizer(slice, options))];
        try { return RunSteps(model, train, validation, options, random, parallel, optimizers, onEvaluation, cancellation); }
        finally { foreach (var optimizer in optimizers) optimizer.Dispose(); }
    }

    // The loop proper: nanoGPT's step on the whole batch, or data-parallel on shares of it.
    private static GptTrainingHistory RunSteps(Gpt model, TextWindows train, TextWindows validation, GptTrainingOptions options, Random random,
        DataParallel<Gpt>? parallel, AdamW[] optimizers, Action<GptEvaluation>? onEvaluation, CancellationToken cancellation)
    {
        Func<Tensor, Tensor, double>? meanLoss = parallel is null ? null : (x, y) => parallel.MeanLoss(x, y, static (m, xs, ys) => m.Loss(xs, ys));
        var losses = new List<float>(options.Iterations);
        var evaluations = new List<GptEvaluation>();
        var stepTimes = new List<double>(options.Iterations);
        var clock = Stopwatch.StartNew();

        void Evaluate(int step)
        {
            var evaluation = new GptEvaluation(step, EstimateLossWith(model, train, options, random, EvaluationTokens, meanLoss),
                EstimateLossWith(model, validation, options, random, EvaluationTokens, meanLoss),
                options.LearningRateAt(step), clock.Elapsed.TotalSeconds);
            evaluations.Add(evaluation);
            onEvaluation?.Invoke(evaluation);
        }

        model.train();
        for (int step = 0; step < options.Iterations && !cancellation.IsCancellationRequested; step++)
        {
            if (step % options.EvalInterval == 0) Evaluate(step);
            long start = Stopwatch.GetTimestamp();
            using var scope = NewDisposeScope();
            double lr = options.LearningRateAt(step);
            foreach (var group in optimizers.SelectMany(o => o.ParamGroups)) group.LearningRate = lr;
            var (x, y) = train.RandomBatch(options.BatchSize, random);          // [B, T] each
            float loss;                                                         // nats per token
            if (parallel is null)
            {
                var batchLoss = model.Loss(x, y);
                optimizers[0].zero_grad();
                batchLoss.backward();
                loss = batchLoss.item<float>();
            }
            else
                loss = parallel.ForwardBackward(x, y, static (m, xs, ys) => m.Loss(xs, ys));   // shares of B side by side
            if (options.GradientClip > 0)
                nn.utils.clip_grad_norm_(parallel is null ? model.parameters() : parallel.Parameters.Buffers, options.GradientClip);
            if (parallel is null) optimizers[0].step();
            else parallel.Step(i => optimizers[i].step());
            losses.Add(loss);
            stepTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        Evaluate(losses.Count);
        model.eval();
        stepTimes.Sort();
        return new GptTrainingHistory(losses, evaluations, clock.Elapsed.TotalSeconds)
        {
            MedianStepMilliseconds = stepTimes.Count == 0 ? 0 : stepTimes[stepTimes.Count / 2],
        };
    }

    /// <summary>
    /// AdamW with two parameter groups, as nanoGPT: every tensor with two or more dimensions (weight matrices, embeddings)
    /// decays towards 0; biases and LayerNorm scales do not, since shrinking them only hurts.
    /// </summary>
    public static AdamW CreateOptimizer(Gpt model, GptTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var parameters = model.parameters().ToArray();
        return AdamW(parameters.Where(p => DecayGroup(p) == 0), parameters.Where(p => DecayGroup(p) == 1), options);
    }

    /// <summary>
    /// How many replicas <see cref="Train"/> splits a batch over: one per intra-op thread (<c>torch.get_num_threads()</c>), at most
    /// one per window, when <see cref="GptTrainingOptions.DataParallel"/> is on and the model has no dropout; otherwise 1. With
    /// dropout the replicas would draw their masks from LibTorch's one generator in whatever order the threads reach it, and a
    /// seeded run would no longer repeat.
    /// </summary>
    public static int Replicas(Gpt model, GptTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        return options.DataParallel && model.Config.Dropout == 0 ? Math.Clamp(get_num_threads(), 1, options.BatchSize) : 1;
    }

    // The same two groups over a replica's slice of the data-parallel buffers (one slice of matrices, one of vectors).
    private static AdamW CreateOptimizer(IReadOnlyList<(Parameter Slice, int Group)> slice, GptTrainingOptions options) =>
        AdamW(slice.Where(s => s.Group == 0).Select(s => s.Slice), slice.Where(s => s.Group == 1).Select(s => s.Slice), options);

    private static AdamW AdamW(IEnumerable<Parameter> decay, IEnumerable<Parameter> noDecay, GptTrainingOptions options)
    {
        var groups = new[]
        {
            new AdamW.ParamGroup(decay, new AdamW.Options { weight_decay = options.WeightDecay }),
            new AdamW.ParamGroup(noDecay, new AdamW.Options { weight_decay = 0.0 }),
        };
        return optim.AdamW(groups, options.LearningRate, options.Beta1, options.Beta2);
    }

    // 0: matrices and embeddings, which decay; 1: biases and LayerNorm scales, which do not.
    private static int DecayGroup(Parameter p) => p.dim() >= 2 ? 0 : 1;

    /// <summary>
    /// Mean loss over <see cref="GptTrainingOptions.EvalIterations"/> random batches of <paramref name="data"/>, in eval mode
    /// (nanoGPT's <c>estimate_loss</c>). The batches are drawn one after the other as there, but scored together in as few
    /// forward passes as fit <paramref name="tokensPerPass"/>: all batches have the same size, so the mean over all windows is
    /// the mean of the batch means, and a few large matrix products take less time than many small ones.
    /// </summary>
    /// <param name="model">The model; its mode is restored afterwards.</param>
    /// <param name="data">Windows to draw from.</param>
    /// <param name="options">Batch size and the number of batches (<see cref="GptTrainingOptions.EvalIterations"/>).</param>
    /// <param name="random">Draws the windows.</param>
    /// <param name="tokensPerPass">The most positions scored in one forward pass (bounds memory; at least one batch).</param>
    public static double EstimateLoss(Gpt model, TextWindows data, GptTrainingOptions options, Random random, int tokensPerPass = EvaluationTokens) =>
        EstimateLossWith(model, data, options, random, tokensPerPass, null);

    // meanLoss scores a pass's windows (default: the model in one forward pass; in training: the data-parallel replicas).
    private static double EstimateLossWith(Gpt model, TextWindows data, GptTrainingOptions options, Random random, int tokensPerPass,
        Func<Tensor, Tensor, double>? meanLoss)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        bool wasTraining = model.training;
        model.eval();
        int perPass = Math.Max(1, tokensPerPass / (options.BatchSize * data.BlockSize));   // batches per forward pass
        double sum = 0;
        using (no_grad())
            for (int done = 0; done < options.EvalIterations; done += perPass)
            {
                using var scope = NewDisposeScope();
                int count = Math.Min(perPass, options.EvalIterations - done);
                var batches = Enumerable.Range(0, count).Select(_ => data.RandomBatch(options.BatchSize, random)).ToArray();
                var x = torch.cat([.. batches.Select(b => b.X)], 0);        // [count·B, T]
                var y = torch.cat([.. batches.Select(b => b.Y)], 0);
                sum += (meanLoss is null ? model.Loss(x, y).item<float>() : meanLoss(x, y)) * count;
            }
        model.train(wasTraining);
        return sum / options.EvalIterations;
    }

    /// <summary>The most positions <see cref="EstimateLoss"/> scores in one forward pass by default (bounds its memory).</summary>
    public const int EvaluationTokens = 1 << 16;
}
