using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Data;

/// <summary>
/// Batches of in-memory tensors that share their first dimension, one <c>index_select</c> per tensor
/// and batch — what PyTorch code writes as <c>x[perm[i:i + batch_size]]</c>. With
/// <c>shuffle</c>, every epoch draws a new permutation from torch's generator (as PyTorch's
/// <c>RandomSampler</c> does), so after <c>torch.manual_seed</c> runs repeat exactly, and the same seed
/// gives the same batches as PyTorch.
/// </summary>
/// <remarks>
/// Why not TorchSharp's <c>DataLoader(TensorDataset(…))</c>: it fetches and collates every sample on its
/// own. Measured on the reference VAE (Fashion-MNIST, batch 128, one thread): 76 ms per step with it,
/// 21 ms with one gather per batch (PyTorch's reference: 21 ms). Like TorchSharp's loader, each batch is
/// disposed when the next one is fetched; keep a batch with <c>.clone()</c> or <c>MoveToOuterDisposeScope</c>.
/// </remarks>
/// <example><c>foreach (var batch in new TensorLoader(128, shuffle: true, images, labels)) { var x = batch[0]; … }</c></example>
public sealed class TensorLoader : IEnumerable<IList<Tensor>>
{
    private readonly Tensor[] _tensors;
    private readonly bool _shuffle;
    private readonly bool _dropLast;
    private readonly Generator? _generator;

    /// <summary>Iterates <paramref name="tensors"/> (same first dimension N) in batches of <paramref name="batchSize"/> rows.</summary>
    public TensorLoader(int batchSize, bool shuffle, params Tensor[] tensors) : this(batchSize, shuffle, dropLast: false, generator: null, tensors) { }

    /// <summary>As above; <paramref name="dropLast"/> skips a last, smaller batch; <paramref name="generator"/> replaces torch's global generator.</summary>
    public TensorLoader(int batchSize, bool shuffle, bool dropLast, Generator? generator, params Tensor[] tensors)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (tensors is null || tensors.Length == 0)
            throw new ArgumentException("TensorLoader braucht mindestens einen Tensor, z. B. new TensorLoader(128, true, bilder, labels).", nameof(tensors));
        long n = tensors[0].shape.Length == 0 ? -1 : tensors[0].shape[0];
        foreach (var t in tensors)
            if (t.shape.Length == 0 || t.shape[0] != n)
                throw new ArgumentException(
                    "Alle Tensoren brauchen dieselbe erste Dimension (die Zahl der Beispiele): "
                    + $"{string.Join(" und ", tensors.Select(x => "[" + string.Join(", ", x.shape) + "]"))}.",
                    nameof(tensors));
        BatchSize = batchSize;
        Samples = n;
        _shuffle = shuffle;
        _dropLast = dropLast;
        _generator = generator;
        _tensors = tensors;
    }

    /// <summary>Rows per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Number of samples N (the tensors' first dimension).</summary>
    public long Samples { get; }

    /// <summary>Batches per epoch.</summary>
    public long Count => _dropLast ? Samples / BatchSize : (Samples + BatchSize - 1) / BatchSize;

    /// <summary>One epoch of batches; each is a list with one tensor per input, rows in the epoch's order.</summary>
    public IEnumerator<IList<Tensor>> GetEnumerator()
    {
        // The order is drawn when the epoch starts, as PyTorch's RandomSampler does: (N) int64.
        using var order = _shuffle ? torch.randperm(Samples, generator: _generator) : torch.arange(Samples);
        IList<Tensor>? previous = null;
        try
        {
            for (long start = 0; start < Samples; start += BatchSize)
            {
                long size = Math.Min(BatchSize, Samples - start);
                if (size < BatchSize && _dropLast) yield break;
                Dispose(previous);
                using var rows = order.narrow(0, start, size);                    // (size)
                var batch = new Tensor[_tensors.Length];
                for (int i = 0; i < _tensors.Length; i++)
                    batch[i] = _tensors[i].index_select(0, rows).DetachFromDisposeScope(); // (size, …)
                previous = batch;
                yield return batch;
            }
        }
        finally
        {
            Dispose(previous);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static void Dispose(IList<Tensor>? batch)
    {
        if (batch is null) return;
        foreach (var t in batch) t.Dispose();
    }
}
