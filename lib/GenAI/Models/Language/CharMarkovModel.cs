namespace GenAI.Models;

/// <summary>
/// A Markov chain of order n over character (or token) ids, as a probability model that can be scored on held-out
/// text: p(c | the n previous ids). Chapter 04's <see cref="GenAI.Text.MarkovChain"/> tallies the same counts per sentence
/// for generating; this one runs over the raw id stream so its bits per character compare with a neural model's.
/// <para>
/// Smoothing (stated, because unseen contexts are the whole difficulty): <b>interpolated Witten–Bell</b>
/// (Witten &amp; Bell 1991; Chen &amp; Goodman 1999, §2.6):
/// p(c | h) = (C(h c) + T(h) · p(c | h′)) / (C(h) + T(h)), where h′ drops the oldest id of h, C counts occurrences and
/// T(h) is the number of distinct ids seen after h; an unseen h falls back to p(c | h′) entirely; the recursion ends at
/// the uniform distribution 1/V. So no id ever gets probability 0.
/// </para>
/// </summary>
public sealed class CharMarkovModel : ISequenceScorer
{
    private readonly int _size;
    // Per context length k = 0 … Order: counts of (context, next), and per context its total and its number of distinct continuations.
    private readonly Dictionary<long, int>[] _pairCounts;
    private readonly Dictionary<long, (int Total, int Distinct)>[] _contextCounts;

    private CharMarkovModel(int order, int size)
    {
        Order = order;
        _size = size;
        _pairCounts = new Dictionary<long, int>[order + 1];
        _contextCounts = new Dictionary<long, (int, int)>[order + 1];
        for (int k = 0; k <= order; k++) { _pairCounts[k] = []; _contextCounts[k] = []; }
    }

    /// <summary>n: how many previous ids the next one depends on.</summary>
    public int Order { get; }

    /// <summary>V, the number of possible ids.</summary>
    public int VocabularySize => _size;

    /// <inheritdoc/>
    public string Name => $"Markov, Ordnung {Order}";

    /// <summary>Counts every (n previous ids, next id) in <paramref name="ids"/> (ids in 0 … <paramref name="vocabularySize"/> − 1).</summary>
    public static CharMarkovModel Train(IReadOnlyList<int> ids, int order, int vocabularySize)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (order < 0 || order > 8) throw new ArgumentOutOfRangeException(nameof(order), order, "Die Ordnung muss zwischen 0 und 8 liegen.");
        if (vocabularySize < 1 || Math.Pow(vocabularySize, order + 1) > long.MaxValue / 4)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, "Alphabet zu groß für diese Ordnung.");
        var model = new CharMarkovModel(order, vocabularySize);
        for (int i = 0; i < ids.Count; i++)
        {
            if ((uint)ids[i] >= (uint)vocabularySize)
                throw new ArgumentOutOfRangeException(nameof(ids), ids[i], $"Id {ids[i]} liegt nicht im Alphabet der Größe {vocabularySize}.");
            for (int k = 0; k <= order && k <= i; k++)
            {
                long context = model.Key(ids, i, k);
                long pair = context * vocabularySize + ids[i];
                var pairs = model._pairCounts[k];
                pairs.TryGetValue(pair, out int seen);
                pairs[pair] = seen + 1;
                var contexts = model._contextCounts[k];
                contexts.TryGetValue(context, out var c);
                contexts[context] = (c.Total + 1, c.Distinct + (seen == 0 ? 1 : 0));
            }
        }
        return model;
    }

    // The k ids before position i as one number (base V, with a leading 1 so lengths differ).
    private long Key(IReadOnlyList<int> ids, int i, int k)
    {
        long key = 1;
        for (int j = i - k; j < i; j++) key = key * _size + ids[j];
        return key;
    }

    /// <summary>p(ids[i] | up to <see cref="Order"/> ids before it), smoothed.</summary>
    public double Probability(IReadOnlyList<int> ids, int i)
    {
        ArgumentNullException.ThrowIfNull(ids);
        double p = 1.0 / _size;                                  // the end of the recursion: uniform
        int maxK = Math.Min(Order, i);
        for (int k = 0; k <= maxK; k++)                          // from the shortest context to the longest
        {
            long context = Key(ids, i, k);
            if (!_contextCounts[k].TryGetValue(context, out var c)) break;   // unseen: longer ones are unseen too
            _pairCounts[k].TryGetValue(context * _size + ids[i], out int pair);
            p = (pair + c.Distinct * p) / (c.Total + c.Distinct);
        }
        return p;
    }

    /// <inheritdoc/>
    public double NegativeLogLikelihood(IReadOnlyList<int> ids, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(ids);
        double nats = 0;
        for (int i = from; i < ids.Count; i++) nats -= Math.Log(Probability(ids, i));
        return nats;
    }

    /// <inheritdoc/>
    public override string ToString() => $"CharMarkovModel (Ordnung {Order}, {_size} Zeichen, Witten–Bell-geglättet)";
}
