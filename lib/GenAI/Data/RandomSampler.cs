using TorchSharp;

namespace GenAI.Data;

/// <summary>
/// Indices 0 … n−1 in a new random order for every epoch, drawn from torch's random number generator
/// (PyTorch: <c>torch.utils.data.RandomSampler</c>). Pass it to TorchSharp's DataLoader as the
/// <c>shuffler</c>: after <c>torch.manual_seed</c> the epochs repeat exactly, and unlike
/// <c>shuffle: true, seed: s</c> each epoch sees a different order.
/// </summary>
/// <example><c>DataLoader(TensorDataset(x, y), batchSize: 128, shuffler: new RandomSampler(x.shape[0]))</c></example>
public sealed class RandomSampler : IEnumerable<long>
{
    private readonly long _count;
    private readonly torch.Generator? _generator;

    /// <summary>Shuffles <paramref name="count"/> indices with <paramref name="generator"/> (default: torch's global generator).</summary>
    public RandomSampler(long count, torch.Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _count = count;
        _generator = generator;
    }

    /// <summary>One epoch: a fresh permutation, drawn when the enumeration starts.</summary>
    public IEnumerator<long> GetEnumerator()
    {
        long[] order;
        using (var permutation = torch.randperm(_count, generator: _generator))
            order = permutation.data<long>().ToArray();
        return ((IEnumerable<long>)order).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
