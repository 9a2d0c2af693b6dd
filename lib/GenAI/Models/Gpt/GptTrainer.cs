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
/// out in a cell; <c>genai train gpt</c> and the benchmark call this.
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
        using var optimizer = CreateOptimizer(model, options);
        var losses = new List<float>(options.Iterations);
        var evaluations = new List<GptEvaluation>();
        var stepTimes = new List<double>(options.Iterations);
        var clock = Stopwatch.StartNew();

        void Evaluate(int step)
        {
            var evaluation = new GptEvaluation(step, EstimateLoss(model, train, options, random), EstimateLoss(model, validation, options, random),
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
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            var (x, y) = train.RandomBatch(options.BatchSize, random);          // [B, T] each
            var loss = model.Loss(x, y);                                        // nats per token
            optimizer.zero_grad();
            loss.backward();
            if (options.GradientClip > 0) nn.utils.clip_grad_norm_(model.parameters(), options.GradientClip);
            optimizer.step();
            losses.Add(loss.item<float>());
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
        var groups = new[]
        {
            new AdamW.ParamGroup(parameters.Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = options.WeightDecay }),
            new AdamW.ParamGroup(parameters.Where(p => p.dim() < 2), new AdamW.Options { weight_decay = 0.0 }),
        };
        return optim.AdamW(groups, options.LearningRate, options.Beta1, options.Beta2);
    }

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
    public static double EstimateLoss(Gpt model, TextWindows data, GptTrainingOptions options, Random random, int tokensPerPass = EvaluationTokens)
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
                sum += model.Loss(x, y).item<float>() * count;
            }
        model.train(wasTraining);
        return sum / options.EvalIterations;
    }

    /// <summary>The most positions <see cref="EstimateLoss"/> scores in one forward pass by default (bounds its memory).</summary>
    public const int EvaluationTokens = 1 << 16;
}
