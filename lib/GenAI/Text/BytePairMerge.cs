namespace GenAI.Text;

/// <summary>
/// Byte-pair encoding of one pre-tokenized piece, the way tiktoken does it: start from single bytes and
/// repeatedly merge the adjacent pair whose concatenated bytes have the lowest rank (leftmost on ties)
/// until no adjacent pair is in the vocabulary. Sennrich et al. (2016), "Neural Machine Translation of Rare
/// Words with Subword Units"; byte-level variant from Radford et al. (2019).
/// </summary>
internal static class BytePairMerge
{
    private const int None = int.MaxValue;

    /// <summary>Appends the token ids of <paramref name="piece"/> (ranks are ids) to <paramref name="output"/>.</summary>
    public static void Encode(ReadOnlySpan<byte> piece, ByteSequenceTable ranks, IdBuffer output)
    {
        int whole = ranks.Find(piece);
        if (whole >= 0)
        {
            output.Add(whole); // most pieces are a single token
            return;
        }
        int n = piece.Length;
        // Parts: part k covers piece[start[k]..start[k+1]]; pairRank[k] = rank of parts k and k+1 merged.
        Span<int> start = n <= 256 ? stackalloc int[n + 1] : new int[n + 1];
        Span<int> pairRank = n <= 256 ? stackalloc int[n + 1] : new int[n + 1];
        for (int k = 0; k <= n; k++) start[k] = k;
        for (int k = 0; k + 1 < n; k++) pairRank[k] = Rank(ranks, piece[k..(k + 2)]);
        pairRank[n - 1] = None;
        pairRank[n] = None;
        int count = n + 1; // number of boundaries (parts + 1)
        while (true)
        {
            int best = None, at = -1;
            for (int k = 0; k < count - 1; k++)
                if (pairRank[k] < best) { best = pairRank[k]; at = k; }
            if (at < 0) break;
            // Merge part at+1 into part at; the pairs touching the merged part get new ranks.
            if (at > 0) pairRank[at - 1] = at + 2 < count ? Rank(ranks, piece[start[at - 1]..start[at + 2]]) : None;
            pairRank[at] = at + 3 < count ? Rank(ranks, piece[start[at]..start[at + 3]]) : None;
            start[(at + 2)..count].CopyTo(start[(at + 1)..]);
            pairRank[(at + 2)..count].CopyTo(pairRank[(at + 1)..]);
            count--;
        }
        for (int k = 0; k + 1 < count; k++)
        {
            int id = ranks.Find(piece[start[k]..start[k + 1]]);
            if (id < 0) throw new InvalidDataException("Das Vokabular enthält nicht alle 256 Einzelbytes.");
            output.Add(id);
        }
    }

    private static int Rank(ByteSequenceTable ranks, ReadOnlySpan<byte> span)
    {
        int id = ranks.Find(span);
        return id < 0 ? None : id;
    }
}

/// <summary>A growable list of token ids without per-call allocation.</summary>
internal sealed class IdBuffer
{
    private int[] _items = new int[1024];

    public int Count { get; private set; }

    public void Add(int id)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = id;
    }

    public void Clear() => Count = 0;

    public ReadOnlySpan<int> AsSpan() => _items.AsSpan(0, Count);

    public int[] ToArray() => AsSpan().ToArray();
}
