namespace GenAI.Text;

/// <summary>
/// Answers "does this run of units occur in the training text?" fast: every adjacent pair of the text is indexed
/// with its positions; a query checks only the positions of its rarest pair. (markovify searches the joined text
/// as a string for every window, which is what makes its novelty check slow.)
/// </summary>
internal sealed class NoveltyIndex
{
    private const int Separator = -2;
    private readonly int[] _text;                                   // all sentences, separated
    private readonly int[] _positions;                              // pair start positions, grouped by pair
    private readonly Dictionary<long, (int From, int Count)> _pairs = new(PairKeyComparer.Instance);
    private readonly HashSet<int> _units = [];

    public NoveltyIndex(IReadOnlyList<int[]> sentences)
    {
        var text = new List<int>();
        foreach (var sentence in sentences)
        {
            text.AddRange(sentence);
            text.Add(Separator);
            _units.UnionWith(sentence);
        }
        _text = [.. text];
        var keys = new List<long>();
        var positions = new List<int>();
        for (int i = 0; i + 1 < _text.Length; i++)
        {
            if (_text[i] == Separator || _text[i + 1] == Separator) continue;
            keys.Add(Key(_text[i], _text[i + 1]));
            positions.Add(i);
        }
        var keyArray = keys.ToArray();
        _positions = [.. positions];
        Array.Sort(keyArray, _positions);
        for (int i = 0; i < keyArray.Length;)
        {
            int j = i;
            while (j < keyArray.Length && keyArray[j] == keyArray[i]) j++;
            _pairs[keyArray[i]] = (i, j - i);
            i = j;
        }
    }

    private static long Key(int a, int b) => ((long)a << 32) | (uint)b;

    /// <summary>Whether <paramref name="ids"/>[start..start+length) occurs in the text (unknown ids, −1, never do).</summary>
    public bool Contains(IReadOnlyList<int> ids, int start, int length)
    {
        if (length == 1) return _units.Contains(ids[start]);
        int bestOffset = -1;
        (int From, int Count) best = (0, int.MaxValue);
        for (int k = 0; k + 1 < length; k++)
        {
            if (!_pairs.TryGetValue(Key(ids[start + k], ids[start + k + 1]), out var range)) return false;
            if (range.Count < best.Count) (best, bestOffset) = (range, k);
        }
        for (int p = best.From; p < best.From + best.Count; p++)
        {
            int at = _positions[p] - bestOffset;
            if (at < 0 || at + length > _text.Length) continue;
            bool same = true;
            for (int k = 0; k < length && same; k++) same = _text[at + k] == ids[start + k];
            if (same) return true;
        }
        return false;
    }
}
