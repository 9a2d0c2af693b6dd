using System.Text.Json;
using GenAI.Display;

namespace GenAI.Text;

/// <summary>
/// Shannon's experiment as a program: for every run of <see cref="Order"/> words (or characters, or tokens) of a text,
/// tally which unit followed it — the "votes" — and continue a text by drawing the next unit in proportion to them.
/// Shannon (1948), "A Mathematical Theory of Communication", §3 (second-order word approximation).
/// <code>
/// var chain = MarkovChain.Train(File.ReadAllText("grimm.txt"), order: 2);
/// chain.NextTokenDistribution("Es war")      // einmal: 180 Stimmen, …
/// chain.MakeSentence(new Random(42))         // a new sentence, not copied from the book
/// </code>
/// </summary>
public sealed partial class MarkovChain
{
    internal const int Begin = 0, End = 1;   // reserved ids: sentence start padding and sentence end

    private readonly string[] _vocabulary;   // id → unit ("" for Begin/End)
    private readonly Dictionary<string, int> _ids;
    private readonly StateIndex _states;     // state (Order ids) → range in _next/_weights
    private readonly int[] _next;            // continuation ids, grouped by state, most votes first
    private readonly double[] _weights;      // their vote counts (weighted when models are combined)
    private readonly int[][] _sentences;     // the training sentences as ids (for the novelty check)
    private NoveltyIndex? _novelty;

    private MarkovChain(int order, MarkovUnit unit, ITokenizer? tokenizer,
        string[] vocabulary, StateIndex states, int[] next, double[] weights, int[][] sentences)
    {
        Order = order;
        Unit = unit;
        Tokenizer = tokenizer;
        _vocabulary = vocabulary;
        _ids = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (int i = 2; i < vocabulary.Length; i++) _ids[vocabulary[i]] = i;
        _states = states;
        _next = next;
        _weights = weights;
        _sentences = sentences;
    }

    /// <summary>How many preceding units decide the next one (the state size).</summary>
    public int Order { get; }

    /// <summary>Words, characters or tokens.</summary>
    public MarkovUnit Unit { get; }

    /// <summary>The tokenizer for <see cref="MarkovUnit.Tokens"/> (null otherwise, and after <see cref="Load"/> unless given again).</summary>
    public ITokenizer? Tokenizer { get; }

    /// <summary>Number of distinct units seen.</summary>
    public int VocabularySize => _vocabulary.Length - 2;

    /// <summary>Number of distinct states (runs of <see cref="Order"/> units, including sentence starts).</summary>
    public int StateCount => _states.Count;

    /// <summary>Number of training sentences.</summary>
    public int SentenceCount => _sentences.Length;

    /// <summary>Trains on one text.</summary>
    public static MarkovChain Train(string text, int order = 2, MarkovUnit unit = MarkovUnit.Words, ITokenizer? tokenizer = null) =>
        Train([text], order, unit, tokenizer);

    /// <summary>Trains on several texts (sentences never span two texts).</summary>
    public static MarkovChain Train(IEnumerable<string> texts, int order = 2, MarkovUnit unit = MarkovUnit.Words, ITokenizer? tokenizer = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (order < 1) throw new ArgumentOutOfRangeException(nameof(order), order, "Die Ordnung (Zustandsgröße) muss mindestens 1 sein.");
        if (unit == MarkovUnit.Tokens && tokenizer is null)
            throw new ArgumentException("Für MarkovUnit.Tokens brauchst du einen Tokenizer, z. B. TiktokenEncoding.Get(\"cl100k_base\").", nameof(tokenizer));
        var builder = new MarkovBuilder(order);
        var units = new List<string>();
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text);
            foreach (var sentence in TextUnits.Sentences(text))
            {
                units.Clear();
                Split(sentence, unit, tokenizer, units);
                builder.AddSentence(units);
            }
        }
        return builder.Build((o, vocabulary, states, next, weights, sentences) =>
            new MarkovChain(o, unit, tokenizer, vocabulary, states, next, weights, sentences));
    }

    /// <summary>Trains on a text file (UTF-8).</summary>
    public static MarkovChain TrainFromFile(string path, int order = 2, MarkovUnit unit = MarkovUnit.Words, ITokenizer? tokenizer = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Die Textdatei {path} gibt es nicht.", path);
        return Train(File.ReadAllText(path), order, unit, tokenizer);
    }

    private static void Split(string text, MarkovUnit unit, ITokenizer? tokenizer, List<string> output)
    {
        switch (unit)
        {
            case MarkovUnit.Words: TextUnits.Words(text, output); break;
            case MarkovUnit.Characters: TextUnits.Characters(text, output); break;
            default:
                TextUnits.Tokens(text,
                    tokenizer ?? throw new InvalidOperationException("Dieses Modell braucht seinen Tokenizer; gib ihn beim Laden mit."),
                    output);
                break;
        }
    }

    /// <summary>
    /// The tallied continuations of the last <see cref="Order"/> units of <paramref name="context"/> — Shannon's table of votes.
    /// A shorter context means "at the start of a sentence". Unknown context: an empty distribution.
    /// </summary>
    public GenAI.Text.NextTokenDistribution NextTokenDistribution(string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = StateFor(context, out var label);
        var entries = new List<Continuation>();
        if (state is not null && _states.TryFind(state, out int from, out int to))
        {
            double total = 0;
            for (int i = from; i < to; i++) total += _weights[i];
            for (int i = from; i < to; i++)
                entries.Add(new Continuation(
                    _next[i] == End ? GenAI.Text.NextTokenDistribution.EndLabel : TextUnits.Display(_vocabulary[_next[i]], Unit),
                    _weights[i],
                    _weights[i] / total));
        }
        return new GenAI.Text.NextTokenDistribution(label, entries);
    }

    // The state for the end of a context: its last Order units, padded with sentence-start markers.
    private int[]? StateFor(string context, out string label)
    {
        var units = new List<string>();
        Split(context, Unit, Tokenizer, units);
        var state = new int[Order];
        int take = Math.Min(Order, units.Count), pad = Order - take;
        for (int k = 0; k < pad; k++) state[k] = Begin;
        var shown = units.Skip(units.Count - take).ToList();
        label = (pad > 0 ? "(Satzanfang) " : "") + string.Join(Unit == MarkovUnit.Words ? " " : "", shown.Select(u => TextUnits.Display(u, Unit)));
        for (int k = 0; k < take; k++)
        {
            if (!_ids.TryGetValue(shown[k], out int id)) return null;
            state[pad + k] = id;
        }
        return state;
    }

    /// <summary>
    /// Continues <paramref name="start"/> by up to <paramref name="maxUnits"/> units. <paramref name="temperature"/> &lt; 1 favours
    /// the most frequent continuations, &gt; 1 flattens the votes; <paramref name="topK"/> &gt; 0 keeps only the k most voted.
    /// At a sentence end the chain starts a new sentence. Same seed, same text.
    /// </summary>
    public string Generate(string start = "", int maxUnits = 50, double temperature = 1.0, int topK = 0, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (temperature <= 0) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Die Temperatur muss größer als 0 sein.");
        var random = seed is null ? new Random() : new Random(seed.Value);
        var units = new List<string>();
        Split(start, Unit, Tokenizer, units);
        var state = StateFor(start, out _) ?? throw UnknownStart(start);
        if (!_states.TryFind(state, out _, out _)) throw UnknownStart(start);
        var output = new List<string>(units);
        for (int produced = 0; produced < maxUnits; produced++)
        {
            int next = Sample(state, random, temperature, topK);
            if (next < 0) break;
            if (next == End)
            {
                Array.Fill(state, Begin);
                continue;
            }
            output.Add(_vocabulary[next]);
            Array.Copy(state, 1, state, 0, Order - 1);
            state[^1] = next;
        }
        return TextUnits.Join(output, Unit);
    }

    private ArgumentException UnknownStart(string start) => new(
        $"Auf „{start}“ folgt im Trainingstext nichts: "
        + $"die letzten {Order} {(Unit == MarkovUnit.Words ? "Wörter" : "Einheiten")} kommen dort so nicht vor. Wähle einen Anfang aus dem Text.",
        nameof(start));

    // Draws the next id from the votes of a state; -1 when the state has no continuation.
    private int Sample(int[] state, Random random, double temperature = 1.0, int topK = 0)
    {
        if (!_states.TryFind(state, out int from, out int to)) return -1;
        if (topK > 0) to = Math.Min(to, from + topK); // continuations are stored most votes first
        double total = 0;
        bool plain = temperature == 1.0;
        for (int i = from; i < to; i++) total += plain ? _weights[i] : Math.Pow(_weights[i], 1 / temperature);
        double r = random.NextDouble() * total;
        for (int i = from; i < to; i++)
        {
            r -= plain ? _weights[i] : Math.Pow(_weights[i], 1 / temperature);
            if (r < 0) return _next[i];
        }
        return _next[to - 1];
    }

    /// <summary>
    /// A whole new sentence, or null if <paramref name="tries"/> attempts all failed the novelty check: a sentence is rejected
    /// when it copies more than min(<paramref name="maxOverlapWords"/>, round(<paramref name="maxOverlapRatio"/> × length))
    /// consecutive units from the training text (markovify's test, same defaults).
    /// </summary>
    public string? MakeSentence(Random? random = null, int tries = 10,
        double maxOverlapRatio = 0.7, int maxOverlapWords = 15, int minWords = 1, int maxWords = 200) =>
        MakeSentenceFrom(new int[Order], [], [], random ?? new Random(), tries, maxOverlapRatio, maxOverlapWords, minWords, maxWords);

    /// <summary>A new sentence that begins with <paramref name="beginning"/> (its last <see cref="Order"/> units must occur in the text).</summary>
    public string? MakeSentenceWithStart(string beginning, Random? random = null, int tries = 10, double maxOverlapRatio = 0.7, int maxOverlapWords = 15)
    {
        ArgumentNullException.ThrowIfNull(beginning);
        var units = new List<string>();
        Split(beginning, Unit, Tokenizer, units);
        var state = StateFor(beginning, out _);
        if (state is null || !_states.TryFind(state, out _, out _)) throw UnknownStart(beginning);
        var prefix = units.Select(u => _ids.TryGetValue(u, out int id) ? id : -1).ToList();
        return MakeSentenceFrom(state, prefix, units, random ?? new Random(), tries, maxOverlapRatio, maxOverlapWords, 1, 200);
    }

    /// <summary>Up to <paramref name="count"/> new sentences (fewer if the check keeps rejecting).</summary>
    public IEnumerable<string> MakeSentences(int count, Random? random = null, double maxOverlapRatio = 0.7, int maxOverlapWords = 15)
    {
        random ??= new Random();
        for (int i = 0; i < count; i++)
            if (MakeSentence(random, 10, maxOverlapRatio, maxOverlapWords) is { } sentence) yield return sentence;
    }

    // prefix: the ids of the given beginning (-1 for units the text does not know), prefixUnits: its units as written.
    private string? MakeSentenceFrom(int[] startState, List<int> prefix, List<string> prefixUnits,
        Random random, int tries, double ratio, int maxOverlap, int minWords, int maxWords)
    {
        var ids = new List<int>();
        var state = new int[Order];
        for (int attempt = 0; attempt < tries; attempt++)
        {
            ids.Clear();
            ids.AddRange(prefix);
            startState.CopyTo(state, 0);
            bool ended = false;
            while (ids.Count <= maxWords)
            {
                int next = Sample(state, random);
                if (next < 0 || next == End) { ended = next == End; break; }
                ids.Add(next);
                Array.Copy(state, 1, state, 0, Order - 1);
                state[^1] = next;
            }
            if (!ended || ids.Count < minWords) continue;
            if (!IsNovel(ids, ratio, maxOverlap)) continue;
            return TextUnits.Join([.. prefixUnits, .. ids.Skip(prefix.Count).Select(id => _vocabulary[id])], Unit);
        }
        return null;
    }

    /// <summary>Whether <paramref name="ids"/> copies no more than the allowed number of consecutive units from the training text.</summary>
    internal bool IsNovel(IReadOnlyList<int> ids, double ratio = 0.7, int maxOverlap = 15)
    {
        int overlapMax = Math.Min(maxOverlap, (int)Math.Round(ratio * ids.Count, MidpointRounding.ToEven));
        int window = Math.Min(ids.Count, overlapMax + 1);
        _novelty ??= new NoveltyIndex(_sentences);
        for (int i = 0; i + window <= ids.Count; i++)
            if (_novelty.Contains(ids, i, window)) return false;
        return true;
    }

    /// <summary>Whether the sentence (as text) passes the novelty check.</summary>
    public bool IsNovel(string sentence, double maxOverlapRatio = 0.7, int maxOverlapWords = 15)
    {
        var units = new List<string>();
        Split(sentence, Unit, Tokenizer, units);
        var ids = units.Select(u => _ids.TryGetValue(u, out int id) ? id : -1).ToList();
        return IsNovel(ids, maxOverlapRatio, maxOverlapWords);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"MarkovChain (Ordnung {Order}, {Unit}, {VocabularySize:N0} Einheiten, {StateCount:N0} Zustände, {SentenceCount:N0} Sätze)";
}
