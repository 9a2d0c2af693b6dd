using System.Collections;
using GenAI.Torch.Modules;
using static GenAI.Torch.torch;

namespace GenAI.Torch.Modules
{
    /// <summary>A map-style dataset: a count and an item per index (TorchSharp: <c>torch.utils.data.Dataset&lt;T&gt;</c>).</summary>
    public abstract class Dataset<T> : IDisposable
    {
        public abstract long Count { get; }
        public abstract T GetTensor(long index);
        public virtual void Dispose() => GC.SuppressFinalize(this);
    }

    /// <summary>Wraps tensors that share their first dimension; item i is [t0[i], t1[i], …].</summary>
    public sealed class TensorDataset : Dataset<IList<Tensor>>
    {
        private readonly Tensor[] tensors;

        internal TensorDataset(Tensor[] tensors)
        {
            if (tensors.Length == 0) throw new ArgumentException("TensorDataset braucht mindestens einen Tensor.");
            long n = tensors[0].size(0);
            foreach (var t in tensors)
                if (t.dim() == 0 || t.size(0) != n)
                    throw new ArgumentException($"TensorDataset: alle Tensoren brauchen dieselbe erste Dimension ({n}), einer hat [{string.Join(", ", t.shape)}].");
            this.tensors = tensors;
        }

        public override long Count => tensors[0].size(0);

        public override IList<Tensor> GetTensor(long index) => tensors.Select(t => t[index]).ToList();

        /// <summary>Rows <paramref name="indices"/> of every tensor, one gather each (used by DataLoader).</summary>
        internal IList<Tensor> GetBatch(long[] indices)
        {
            var idx = tensor(indices);
            return tensors.Select(t => t.index_select(0, idx)).ToList();
        }
    }

    /// <summary>
    /// Iterates a dataset in batches (TorchSharp: <c>torch.utils.data.DataLoader</c>). With shuffle, each epoch
    /// draws a new permutation from the loader's own generator (seeded by <c>seed</c>, else from the default generator).
    /// </summary>
    public sealed class DataLoader : IEnumerable<IList<Tensor>>, IDisposable
    {
        private readonly Dataset<IList<Tensor>> dataset;
        private readonly int batchSize;
        private readonly bool shuffle, dropLast;
        private readonly Generator generator;

        internal DataLoader(Dataset<IList<Tensor>> dataset, int batchSize, bool shuffle, int? seed, bool drop_last, Generator? generator)
        {
            if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "batchSize muss mindestens 1 sein.");
            this.dataset = dataset;
            this.batchSize = batchSize;
            this.shuffle = shuffle;
            dropLast = drop_last;
            this.generator = generator ?? new Generator().manual_seed(seed ?? (long)(default_generator.NextUInt64() >> 1));
        }

        /// <summary>Number of batches per epoch.</summary>
        public long Count => dropLast ? dataset.Count / batchSize : (dataset.Count + batchSize - 1) / batchSize;

        public IEnumerator<IList<Tensor>> GetEnumerator()
        {
            long n = dataset.Count;
            long[] order = shuffle ? randperm(n, generator: generator).ToArray<long>() : Enumerable.Range(0, (int)n).Select(i => (long)i).ToArray();
            for (long start = 0; start < n; start += batchSize)
            {
                long len = Math.Min(batchSize, n - start);
                if (len < batchSize && dropLast) yield break;
                var idx = order.AsSpan((int)start, (int)len).ToArray();
                if (dataset is TensorDataset td) yield return td.GetBatch(idx);
                else
                {
                    var items = idx.Select(dataset.GetTensor).ToList();
                    yield return Enumerable.Range(0, items[0].Count).Select(k => stack(items.Select(it => it[k]))).ToList();
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void Dispose() { }
    }
}

namespace GenAI.Torch
{
    public static partial class torch
    {
        public static partial class utils
        {
            /// <summary>Datasets and loaders (TorchSharp: <c>torch.utils.data</c>).</summary>
            public static partial class data
            {
                public static TensorDataset TensorDataset(params Tensor[] tensors) => new(tensors);

                public static DataLoader DataLoader(Dataset<IList<Tensor>> dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
                    int num_worker = 1, bool drop_last = false, Generator? generator = null)
                {
                    CheckDevice(device);
                    return new DataLoader(dataset, batchSize, shuffle, seed, drop_last, generator);
                }
            }
        }
    }
}
