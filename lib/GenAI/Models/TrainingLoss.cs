using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>One named part of a loss (e.g. "KL"), summed over the batch.</summary>
public readonly record struct LossPart(string Name, Tensor Value);

/// <summary>
/// What a model hands the <see cref="Trainer"/> for one batch: the loss to minimise, summed over the
/// batch's samples (so the trainer can report a mean per sample over a whole epoch), and optional
/// named parts that are recorded alongside it.
/// </summary>
public sealed record TrainingLoss(Tensor Total, IReadOnlyList<LossPart> Parts)
{
    /// <summary>A loss without parts.</summary>
    public TrainingLoss(Tensor total) : this(total, []) { }
}

/// <summary>A model that knows its own training loss, so <see cref="Trainer"/> can train it.</summary>
public interface ITrainable
{
    /// <summary>
    /// The loss for one batch as the DataLoader yields it (images first, then e.g. labels), summed
    /// over the batch's samples.
    /// </summary>
    TrainingLoss Loss(IReadOnlyList<Tensor> batch);
}
