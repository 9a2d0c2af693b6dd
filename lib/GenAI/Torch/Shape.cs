namespace GenAI.Torch;

/// <summary>Shape and stride arithmetic shared by every op (row-major, PyTorch's conventions).</summary>
internal static class Shape
{
    internal static int Numel(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (var d in shape) n *= d;
        if (n > int.MaxValue) throw new ArgumentException($"Ein Tensor mit {n} Elementen ist zu groß (höchstens {int.MaxValue}).");
        return (int)n;
    }

    internal static int[] ContiguousStrides(int[] shape)
    {
        var strides = new int[shape.Length];
        int s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    internal static int[] FromLong(ReadOnlySpan<long> size)
    {
        var shape = new int[size.Length];
        for (int i = 0; i < size.Length; i++)
        {
            if (size[i] < 0) throw new ArgumentException($"Negative Größe {size[i]} in der Form [{string.Join(", ", size.ToArray())}].");
            if (size[i] > int.MaxValue) throw new ArgumentException($"Dimension {size[i]} ist zu groß.");
            shape[i] = (int)size[i];
        }
        return shape;
    }

    internal static long[] ToLong(int[] shape)
    {
        var r = new long[shape.Length];
        for (int i = 0; i < shape.Length; i++) r[i] = shape[i];
        return r;
    }

    internal static string Format(int[] shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>Normalises a possibly negative dim (Python style) and checks its range.</summary>
    internal static int Dim(long dim, int ndim)
    {
        int n = Math.Max(ndim, 1);
        long d = dim < 0 ? dim + n : dim;
        if (d < 0 || d >= n)
            throw new ArgumentOutOfRangeException(nameof(dim), $"Dimension {dim} liegt außerhalb von [{-n}, {n - 1}] für einen Tensor mit {ndim} Dimensionen.");
        return (int)d;
    }

    /// <summary>NumPy/PyTorch broadcasting: align right, sizes must match or be 1.</summary>
    internal static int[] Broadcast(int[] a, int[] b)
    {
        int n = Math.Max(a.Length, b.Length);
        var r = new int[n];
        for (int i = 0; i < n; i++)
        {
            int da = i - (n - a.Length) >= 0 ? a[i - (n - a.Length)] : 1;
            int db = i - (n - b.Length) >= 0 ? b[i - (n - b.Length)] : 1;
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"Die Formen {Format(a)} und {Format(b)} passen nicht zusammen (Broadcasting): Dimension {i} hat {da} gegen {db}.");
            r[i] = da == 1 ? db : da;
        }
        return r;
    }

    /// <summary>Strides that read <paramref name="shape"/>/<paramref name="strides"/> as if expanded to <paramref name="target"/> (0 where broadcast).</summary>
    internal static int[] BroadcastStrides(int[] shape, int[] strides, int[] target)
    {
        var r = new int[target.Length];
        int shift = target.Length - shape.Length;
        for (int i = 0; i < shape.Length; i++)
            r[i + shift] = shape[i] == 1 && target[i + shift] != 1 ? 0 : strides[i];
        return r;
    }

    internal static bool SameShape(int[] a, int[] b) => a.AsSpan().SequenceEqual(b);
}
