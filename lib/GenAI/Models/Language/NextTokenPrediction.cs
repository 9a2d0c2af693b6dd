using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// What the course's next-token models (<see cref="CharRnnLanguageModel"/>, <see cref="AttentionLanguageModel"/>,
/// <see cref="Gpt"/>) share: the training loss and the checks on a prompt before generating.
/// </summary>
public static class NextTokenPrediction
{
    /// <summary>Mean cross-entropy (nats per token) of logits [B, T, V] against target ids [B, T].</summary>
    public static Tensor Loss(Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        return nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), targets.reshape(-1));   // [B·T, V] vs [B·T]
    }

    /// <summary>The <see cref="Loss(Tensor, Tensor)"/> of <paramref name="model"/>'s logits for ids x [B, T] and targets y [B, T]; frees the logits.</summary>
    public static Tensor Loss(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var logits = model.forward(x);                             // [B, T, V]
        return Loss(logits, y);
    }

    /// <summary>
    /// Throws a clear error for a prompt a model cannot continue: none, empty, or with ids outside 0…V−1 (which the
    /// embedding would reject with a native index error). <paramref name="unit"/> names one id ("Zeichen", "Token").
    /// </summary>
    public static void CheckPrompt(IReadOnlyList<int> prompt, int vocabularySize, string unit)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Count == 0) throw new ArgumentException($"Der Anfang braucht mindestens ein {unit}.", nameof(prompt));
        if (prompt.Any(id => id < 0 || id >= vocabularySize))
            throw new ArgumentException($"Der Anfang enthält Ids außerhalb des Vokabulars 0…{vocabularySize - 1}.", nameof(prompt));
    }
}
