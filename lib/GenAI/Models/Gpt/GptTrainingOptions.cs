namespace GenAI.Models;

/// <summary>
/// How <see cref="GptTrainer"/> trains: nanoGPT's knobs under C# names (its flag in brackets). The defaults are nanoGPT's
/// "baby GPT" CPU recipe for tiny Shakespeare (README, "I only have a macbook"): 2000 steps of 12 windows, AdamW with
/// β₂ = 0,99 and weight decay 0,1, 100 warm-up steps, cosine decay from 10⁻³ to 10⁻⁴, gradients clipped at norm 1.
/// </summary>
public sealed record GptTrainingOptions
{
    /// <summary>Optimisation steps (<c>--max_iters</c>).</summary>
    public int Iterations { get; init; } = 2000;

    /// <summary>Windows per step (<c>--batch_size</c>); each window is the model's BlockSize long.</summary>
    public int BatchSize { get; init; } = 12;

    /// <summary>Peak learning rate, reached after warm-up (<c>--learning_rate</c>).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Learning rate at the end of the cosine decay (<c>--min_lr</c>).</summary>
    public double MinLearningRate { get; init; } = 1e-4;

    /// <summary>Steps of linear warm-up from almost 0 to <see cref="LearningRate"/> (<c>--warmup_iters</c>).</summary>
    public int WarmupIterations { get; init; } = 100;

    /// <summary>Step at which the cosine decay reaches <see cref="MinLearningRate"/> (<c>--lr_decay_iters</c>).</summary>
    public int DecayIterations { get; init; } = 2000;

    /// <summary>AdamW's β₁ (<c>--beta1</c>).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW's β₂ (<c>--beta2</c>); 0,99 instead of 0,999 because few tokens flow per step.</summary>
    public double Beta2 { get; init; } = 0.99;

    /// <summary>Decoupled weight decay on matrices and embeddings; biases and LayerNorm parameters get none (<c>--weight_decay</c>).</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>Largest gradient norm; larger gradients are scaled down to it (0 = no clipping, <c>--grad_clip</c>).</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>Evaluate train and validation loss every this many steps (<c>--eval_interval</c>).</summary>
    public int EvalInterval { get; init; } = 250;

    /// <summary>Random batches averaged per evaluation (<c>--eval_iters</c>).</summary>
    public int EvalIterations { get; init; } = 20;

    /// <summary>Seed for the batches' positions (the weights are seeded when the model is built).</summary>
    public int Seed { get; init; } = 1337;

    /// <summary>
    /// Split each training batch over one model replica per intra-op thread, side by side (<see cref="DataParallel{TModel}"/>);
    /// only for models without dropout (<see cref="GptTrainer.Replicas"/>). Off: every operation splits itself over the threads.
    /// </summary>
    public bool DataParallel { get; init; } = true;

    /// <summary>Throws with a message naming the knob when a value cannot work.</summary>
    public void Validate()
    {
        if (Iterations < 0) throw new ArgumentOutOfRangeException(nameof(Iterations), $"Die Schrittzahl darf nicht negativ sein, nicht {Iterations}.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"Ein Batch braucht mindestens ein Fenster, nicht {BatchSize}.");
        if (LearningRate <= 0 || MinLearningRate < 0 || MinLearningRate > LearningRate)
            throw new ArgumentOutOfRangeException(nameof(LearningRate),
                $"Es muss 0 ≤ min-lr ≤ lr und lr > 0 gelten; bekommen: lr {LearningRate}, min-lr {MinLearningRate}.");
        if (WarmupIterations < 0 || DecayIterations < WarmupIterations)
            throw new ArgumentOutOfRangeException(nameof(DecayIterations),
                $"Das Aufwärmen ({WarmupIterations} Schritte) muss vor dem Ende des Abklingens ({DecayIterations}) liegen.");
        if (Beta1 is < 0 or >= 1 || Beta2 is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(Beta2), $"β₁ und β₂ liegen in [0, 1); bekommen: {Beta1}, {Beta2}.");
        if (WeightDecay < 0 || GradientClip < 0)
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), "Weight decay und Gradient-Clipping dürfen nicht negativ sein.");
        if (EvalInterval < 1 || EvalIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(EvalInterval), "Auswertungsabstand und -batches müssen positiv sein.");
    }

    /// <summary>
    /// The learning rate at <paramref name="step"/> (0-based), as nanoGPT's <c>get_lr</c>: linear warm-up, then a cosine
    /// from <see cref="LearningRate"/> down to <see cref="MinLearningRate"/> at <see cref="DecayIterations"/>, then constant.
    /// </summary>
    public double LearningRateAt(int step)
    {
        if (step < WarmupIterations) return LearningRate * (step + 1) / (WarmupIterations + 1);
        if (step > DecayIterations) return MinLearningRate;
        double ratio = DecayIterations == WarmupIterations ? 1 : (double)(step - WarmupIterations) / (DecayIterations - WarmupIterations);
        double coefficient = 0.5 * (1 + Math.Cos(Math.PI * ratio));   // 1 → 0
        return MinLearningRate + coefficient * (LearningRate - MinLearningRate);
    }
}
