namespace GenAI.Models;

/// <summary>
/// A language model that can say how surprised it is by a text: the summed negative log-likelihood (in nats) of each
/// id given the ids before it. Markov chains, RNNs and transformers all implement it, so <see cref="BitsPerCharacter"/>
/// compares them on the same held-out text.
/// </summary>
public interface ISequenceScorer
{
    /// <summary>A short name for tables, e.g. "Markov, Ordnung 3" or "LSTM".</summary>
    string Name { get; }

    /// <summary>
    /// −Σ ln p(ids[i] | ids[..i]) over i = <paramref name="from"/> … end, in nats. The ids before <paramref name="from"/>
    /// are context only (e.g. the end of the training text), so the first scored id is not judged without a past.
    /// </summary>
    double NegativeLogLikelihood(IReadOnlyList<int> ids, int from = 0);
}
