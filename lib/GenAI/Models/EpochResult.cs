namespace GenAI.Models;

/// <summary>
/// One epoch of training: mean loss per sample on the training and validation sets, with the loss's
/// named parts (for a VAE "Rekonstruktion" and "KL"), and how long the epoch's training steps took.
/// </summary>
public sealed record EpochResult(
    int Epoch,
    double TrainLoss,
    double? ValidationLoss,
    IReadOnlyDictionary<string, double> TrainParts,
    IReadOnlyDictionary<string, double>? ValidationParts,
    int Steps,
    TimeSpan Duration)
{
    /// <summary>Mean wall-clock time of one optimiser step in this epoch.</summary>
    public TimeSpan TimePerStep => Steps == 0 ? TimeSpan.Zero : Duration / Steps;
}
