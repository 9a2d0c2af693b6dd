namespace GenAI.Models;

/// <summary>
/// Bits per character: the average number of bits a model needs to encode each character of a held-out text,
/// −log₂ p(text) / characters. Unlike loss per token it does not depend on how the text was cut into units, so a
/// character model, a word model and a BPE model can be compared (lower is better; a uniform guess over an alphabet of
/// V characters costs log₂ V). Shannon (1951) estimated about 1 bit per character for printed English.
/// </summary>
public static class BitsPerCharacter
{
    /// <summary>Converts a total negative log-likelihood in nats into bits per character of a text of <paramref name="characters"/> characters.</summary>
    public static double FromNats(double totalNats, long characters)
    {
        if (characters < 1) throw new ArgumentOutOfRangeException(nameof(characters), characters, "Der Text braucht mindestens ein Zeichen.");
        return totalNats / (characters * Math.Log(2));
    }

    /// <summary>
    /// Converts a mean loss per token (nats, as cross-entropy reports it) into bits per character:
    /// loss × tokens / (characters × ln 2). For character models tokens = characters.
    /// </summary>
    public static double FromMeanLoss(double natsPerToken, long tokens, long characters) => FromNats(natsPerToken * tokens, characters);

    /// <summary>
    /// Bits per character of <paramref name="model"/> on ids[<paramref name="from"/>..] of a character-level sequence
    /// (one id per character); the ids before <paramref name="from"/> serve as context only.
    /// </summary>
    public static double Evaluate(ISequenceScorer model, IReadOnlyList<int> ids, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ids);
        return FromNats(model.NegativeLogLikelihood(ids, from), ids.Count - from);
    }

    /// <summary>Bits per character of a token-level model: its nats on the tokens, divided by the characters they spell.</summary>
    public static double Evaluate(ISequenceScorer model, IReadOnlyList<int> tokenIds, long characters, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FromNats(model.NegativeLogLikelihood(tokenIds, from), characters);
    }

    /// <summary>Perplexity e^loss of a mean loss in nats per unit.</summary>
    public static double Perplexity(double natsPerUnit) => Math.Exp(natsPerUnit);
}
