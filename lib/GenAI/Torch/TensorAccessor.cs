using System.Collections;

namespace GenAI.Torch.Utils;

/// <summary>Read/write access to a tensor's elements in row-major order (TorchSharp: <c>TensorAccessor&lt;T&gt;</c>).</summary>
public sealed class TensorAccessor<T> : IEnumerable<T> where T : unmanaged
{
    private readonly torch.Tensor tensor;

    internal TensorAccessor(torch.Tensor tensor)
    {
        bool ok = typeof(T) == typeof(float) ? tensor.dtype == torch.ScalarType.Float32
                : typeof(T) == typeof(long) ? tensor.dtype != torch.ScalarType.Float32
                : typeof(T) == typeof(bool) && tensor.dtype == torch.ScalarType.Bool;
        if (!ok) throw new ArgumentException($"data<{typeof(T).Name}>() passt nicht zum dtype {tensor.dtype}: nimm float für Float32, long für Int64/Bool.");
        this.tensor = tensor;
    }

    public long Count => tensor.numel();

    public T this[long index]
    {
        get => tensor.IsFloat ? torch.Tensor.ConvertTo<T>(tensor.F[tensor.OffsetOf((int)index)]) : torch.Tensor.ConvertTo<T>(tensor.L[tensor.OffsetOf((int)index)]);
        set
        {
            int o = tensor.OffsetOf((int)index);
            double v = value switch { float f => f, long l => l, bool b => b ? 1 : 0, _ => 0 };
            if (tensor.IsFloat) tensor.F[o] = (float)v; else tensor.L[o] = (long)v;
        }
    }

    public T[] ToArray() => tensor.ToArray<T>();

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)ToArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
