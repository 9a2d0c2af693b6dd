using System.Text;
using GenAI.Display;
using GenAI.Text.Splitting;

namespace GenAI.Text;

/// <summary>
/// The BPE training loop over distinct pieces with their counts. Pair counts are updated incrementally: a merge
/// only touches the pieces that contain the merged pair (an index pair → pieces tells which), so training on a
/// whole book takes seconds instead of recounting every pair after every merge.
/// </summary>
internal sealed class BpeTrainer(PreTokenizer splitter)
{
    private readonly Dictionary<string, int> _pieceIndex = new(StringComparer.Ordinal); // piece bytes (Latin-1) → word index
    private readonly List<List<int>> _words = [];   // symbols of each distinct piece, in order of first appearance
    private readonly List<long> _counts = [];
    private readonly Utf8Pieces _pieces = new();

    public void AddText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        splitter.Split(text, _pieces);
        var bytes = _pieces.Bytes;
        int start = 0;
        foreach (int end in _pieces.Ends)
        {
            var key = Encoding.Latin1.GetString(bytes[start..end]); // one char per byte: a cheap dictionary key
            if (_pieceIndex.TryGetValue(key, out int index))
            {
                _counts[index]++;
            }
            else
            {
                _pieceIndex[key] = _words.Count;
                var symbols = new List<int>(end - start);
                foreach (byte b in bytes[start..end]) symbols.Add(b);
                _words.Add(symbols);
                _counts.Add(1);
            }
            start = end;
        }
    }

    public List<BpeMerge> Train(int mergeCount)
    {
        var vocabulary = Enumerable.Range(0, 256).Select(b => new[] { (byte)b }).ToList();
        var pairCounts = new Dictionary<long, long>(PairKeyComparer.Instance);
        var pairWords = new Dictionary<long, HashSet<int>>(PairKeyComparer.Instance);
        for (int w = 0; w < _words.Count; w++) AddPairs(w, +1, pairCounts, pairWords);

        var merges = new List<BpeMerge>(mergeCount);
        using var progress = mergeCount >= 200 ? Progress.Start("BPE-Training") : null;
        while (merges.Count < mergeCount)
        {
            long best = -1, bestCount = 1; // a pair must occur at least twice to be worth a token
            List<long>? ties = null;
            foreach (var (pair, count) in pairCounts)
            {
                if (count > bestCount) { bestCount = count; best = pair; ties = null; }
                else if (count == bestCount && best >= 0) (ties ??= [best]).Add(pair);
            }
            if (best < 0) break;
            if (ties is not null) best = FirstOccurring(ties, pairWords);

            int left = (int)(best >> 32), right = (int)(uint)best, id = vocabulary.Count;
            byte[] bytes = [.. vocabulary[left], .. vocabulary[right]];
            vocabulary.Add(bytes);
            merges.Add(new BpeMerge(left, right, id, bestCount, BpeTokenizer.Readable(bytes)));

            foreach (int w in pairWords[best].ToArray())
            {
                if (!Contains(_words[w], left, right)) continue;
                AddPairs(w, -1, pairCounts, pairWords);
                Merge(_words[w], left, right, id);
                AddPairs(w, +1, pairCounts, pairWords);
            }
            pairCounts.Remove(best);
            pairWords.Remove(best);
            progress?.Report(merges.Count, mergeCount, BpeTokenizer.Readable(bytes));
        }
        progress?.Report(merges.Count, mergeCount); // last line without a token fragment, also when merges ran out early
        return merges;
    }

    // Among equally frequent pairs, the one that occurs first in the training text: pieces are numbered in order of
    // first appearance, so that is the pair in the lowest-numbered piece, at the lowest position.
    private long FirstOccurring(List<long> pairs, Dictionary<long, HashSet<int>> pairWords)
    {
        long best = pairs[0];
        (int Word, int Position) bestAt = (int.MaxValue, int.MaxValue);
        foreach (var pair in pairs)
        {
            int left = (int)(pair >> 32), right = (int)(uint)pair;
            foreach (int w in pairWords[pair])
            {
                if (w > bestAt.Word) continue;
                var symbols = _words[w];
                for (int k = 0; k + 1 < symbols.Count; k++)
                {
                    if (symbols[k] != left || symbols[k + 1] != right) continue;
                    if ((w, k).CompareTo(bestAt) < 0) (bestAt, best) = ((w, k), pair);
                    break;
                }
            }
        }
        return best;
    }

    private void AddPairs(int w, int sign, Dictionary<long, long> pairCounts, Dictionary<long, HashSet<int>> pairWords)
    {
        var symbols = _words[w];
        long weight = sign * _counts[w];
        for (int k = 0; k + 1 < symbols.Count; k++)
        {
            long pair = BpeTokenizer.Key(symbols[k], symbols[k + 1]);
            long updated = pairCounts.GetValueOrDefault(pair) + weight;
            if (updated == 0) pairCounts.Remove(pair);
            else pairCounts[pair] = updated;
            if (sign > 0)
            {
                if (!pairWords.TryGetValue(pair, out var set)) pairWords[pair] = set = [];
                set.Add(w);
            }
        }
    }

    private static bool Contains(List<int> symbols, int left, int right)
    {
        for (int k = 0; k + 1 < symbols.Count; k++)
            if (symbols[k] == left && symbols[k + 1] == right) return true;
        return false;
    }

    // Replaces every occurrence of (left, right), scanning left to right without overlaps ("aaa" → "X a").
    private static void Merge(List<int> symbols, int left, int right, int id)
    {
        int write = 0;
        for (int read = 0; read < symbols.Count; read++)
        {
            if (read + 1 < symbols.Count && symbols[read] == left && symbols[read + 1] == right)
            {
                symbols[write++] = id;
                read++;
            }
            else
            {
                symbols[write++] = symbols[read];
            }
        }
        symbols.RemoveRange(write, symbols.Count - write);
    }
}
