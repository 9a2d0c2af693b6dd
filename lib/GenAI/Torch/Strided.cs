namespace GenAI.Torch;

/// <summary>
/// Walks a strided view in row-major order. The innermost dimension is handled as a span
/// (stride 1) or a simple strided loop; outer dimensions by an odometer over indices.
/// </summary>
internal static class Strided
{
    /// <summary>dst[i] = src[offset + Σ idx_d·stride_d] for the i-th index in row-major order.</summary>
    internal static void Copy<T>(T[] src, int offset, int[] shape, int[] strides, Span<T> dst)
    {
        int n = shape.Length;
        if (n == 0) { dst[0] = src[offset]; return; }
        int inner = shape[n - 1], innerStride = strides[n - 1];
        int rows = inner == 0 ? 0 : dst.Length / inner;
        Span<int> idx = stackalloc int[n];
        int o = offset, di = 0;
        for (int r = 0; r < rows; r++)
        {
            if (innerStride == 1) src.AsSpan(o, inner).CopyTo(dst.Slice(di, inner));
            else for (int j = 0, p = o; j < inner; j++, p += innerStride) dst[di + j] = src[p];
            di += inner;
            o = Advance(idx, shape, strides, o, n - 2);
        }
    }

    /// <summary>dst[offset + Σ idx_d·stride_d] = src[srcOffset + i] (inverse of <see cref="Copy"/>).</summary>
    internal static void Scatter<T>(T[] src, int srcOffset, T[] dst, int offset, int[] shape, int[] strides)
    {
        int n = shape.Length;
        if (n == 0) { dst[offset] = src[srcOffset]; return; }
        int inner = shape[n - 1], innerStride = strides[n - 1];
        int total = Shape.Numel(shape);
        int rows = inner == 0 ? 0 : total / inner;
        Span<int> idx = stackalloc int[n];
        int o = offset, si = srcOffset;
        for (int r = 0; r < rows; r++)
        {
            if (innerStride == 1) src.AsSpan(si, inner).CopyTo(dst.AsSpan(o, inner));
            else for (int j = 0, p = o; j < inner; j++, p += innerStride) dst[p] = src[si + j];
            si += inner;
            o = Advance(idx, shape, strides, o, n - 2);
        }
    }

    internal static void Fill<T>(T[] dst, int offset, int[] shape, int[] strides, T value)
    {
        int n = shape.Length;
        if (n == 0) { dst[offset] = value; return; }
        int inner = shape[n - 1], innerStride = strides[n - 1];
        int total = Shape.Numel(shape);
        int rows = inner == 0 ? 0 : total / inner;
        Span<int> idx = stackalloc int[n];
        int o = offset;
        for (int r = 0; r < rows; r++)
        {
            if (innerStride == 1) dst.AsSpan(o, inner).Fill(value);
            else for (int j = 0, p = o; j < inner; j++, p += innerStride) dst[p] = value;
            o = Advance(idx, shape, strides, o, n - 2);
        }
    }

    /// <summary>Odometer step over dims 0..<paramref name="last"/>; returns the new storage offset.</summary>
    internal static int Advance(Span<int> idx, int[] shape, int[] strides, int o, int last)
    {
        for (int d = last; d >= 0; d--)
        {
            idx[d]++;
            o += strides[d];
            if (idx[d] < shape[d]) return o;
            o -= strides[d] * shape[d];
            idx[d] = 0;
        }
        return o;
    }
}
