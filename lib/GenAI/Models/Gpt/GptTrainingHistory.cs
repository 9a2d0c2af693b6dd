namespace GenAI.Models;

/// <summary>One evaluation during training: mean loss (nats per token) on random batches of each split.</summary>
/// <param name="Step">Steps done before this evaluation.</param>
/// <param name="TrainLoss">Mean loss on training batches.</param>
/// <param name="ValidationLoss">Mean loss on held-out batches.</param>
/// <param name="LearningRate">The learning rate of the next step.</param>
/// <param name="Seconds">Wall time since training started.</param>
public sealed record GptEvaluation(int Step, double TrainLoss, double ValidationLoss, double LearningRate, double Seconds);

/// <summary>What <see cref="GptTrainer.Train"/> returns: every step's training loss and the evaluations in between.</summary>
/// <param name="StepLosses">Loss of each step's batch (nats per token), in order.</param>
/// <param name="Evaluations">Evaluations at step 0, every EvalInterval steps, and after the last step.</param>
/// <param name="Seconds">Wall time of the whole training, evaluations included.</param>
public sealed partial record GptTrainingHistory(IReadOnlyList<float> StepLosses, IReadOnlyList<GptEvaluation> Evaluations, double Seconds)
{
    /// <summary>The last evaluation's validation loss.</summary>
    public double FinalValidationLoss => Evaluations[^1].ValidationLoss;

    /// <summary>Median wall time per training step in milliseconds, evaluations excluded.</summary>
    public double MedianStepMilliseconds { get; init; }
}
