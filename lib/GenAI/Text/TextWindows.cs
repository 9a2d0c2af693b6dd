using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Text;

/// <summary>
/// A language-model dataset over one long sequence of character or token ids: every window of
/// <see cref="BlockSize"/> ids is an input x, the same window shifted one to the right is the target y, so position t of y is
/// the id that follows x[..t]. Batches are int64 tensors of shape (B, T) with T = <see cref="BlockSize"/>.
/// <code>
/// var data = new TextWindows(vocab.Encode(train), blockSize: 64);
/// var (x, y) = data.RandomBatch(32, random);   // x, y: [32, 64]; y[:, t] == x[:, t + 1]
/// </code>
/// </summary>
public sealed class TextWindows
{
    private readonly long[] _ids;

    /// <summary>A dataset over <paramref name="ids"/> with windows of <paramref name="blockSize"/> ids.</summary>
    public TextWindows(IEnumerable<int> ids, int blockSize) : this(ids.Select(i => (long)i), blockSize) { }

    /// <summary>A dataset over <paramref name="ids"/> with windows of <paramref name="blockSize"/> ids.</summary>
    public TextWindows(IEnumerable<long> ids, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (blockSize < 1) throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "Ein Fenster braucht mindestens eine Position.");
        _ids = [.. ids];
        if (_ids.Length < blockSize + 1)
            throw new ArgumentException(
                $"Der Text hat {_ids.Length} Einheiten; für ein Fenster von {blockSize} plus Ziel braucht es mindestens {blockSize + 1}.", nameof(ids));
        BlockSize = blockSize;
    }

    /// <summary>T: the window length (context length during training).</summary>
    public int BlockSize { get; }

    /// <summary>Number of ids in the sequence.</summary>
    public int Length => _ids.Length;

    /// <summary>Number of distinct windows (start positions 0 … Length − T − 1).</summary>
    public int WindowCount => _ids.Length - BlockSize;

    /// <summary>The (x, y) pair of the window starting at <paramref name="start"/>, each of length T.</summary>
    public (long[] X, long[] Y) Window(int start)
    {
        if (start < 0 || start >= WindowCount)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Fensteranfänge liegen zwischen 0 und {WindowCount - 1}.");
        return (_ids[start..(start + BlockSize)], _ids[(start + 1)..(start + BlockSize + 1)]);
    }

    /// <summary><paramref name="batchSize"/> windows at random start positions: x, y of shape (B, T), y shifted by one.</summary>
    public (Tensor X, Tensor Y) RandomBatch(int batchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var starts = new int[batchSize];
        for (int b = 0; b < batchSize; b++) starts[b] = random.Next(WindowCount);
        return Batch(starts);
    }

    /// <summary>The windows starting at <paramref name="starts"/>: x, y of shape (B, T).</summary>
    public (Tensor X, Tensor Y) Batch(IReadOnlyList<int> starts)
    {
        ArgumentNullException.ThrowIfNull(starts);
        if (starts.Count < 1) throw new ArgumentException("Ein Batch braucht mindestens ein Fenster.", nameof(starts));
        int b = starts.Count, t = BlockSize;
        var x = new long[b * t];
        var y = new long[b * t];
        for (int i = 0; i < b; i++)
        {
            var (wx, wy) = Window(starts[i]);
            wx.CopyTo(x, i * t);
            wy.CopyTo(y, i * t);
        }
        return (torch.tensor(x, [b, t]), torch.tensor(y, [b, t]));   // [B, T] each
    }

    /// <summary>
    /// Non-overlapping windows in text order (starts 0, T, 2T, …), in batches of up to <paramref name="batchSize"/>:
    /// every id after the first is a target exactly once, except the tail shorter than T.
    /// </summary>
    public IEnumerable<(Tensor X, Tensor Y)> Sequential(int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Die Batchgröße muss mindestens 1 sein.");
        var starts = new List<int>();
        for (int s = 0; s < WindowCount; s += BlockSize)
        {
            starts.Add(s);
            if (starts.Count == batchSize) { yield return Batch(starts); starts.Clear(); }
        }
        if (starts.Count > 0) yield return Batch(starts);
    }
}
