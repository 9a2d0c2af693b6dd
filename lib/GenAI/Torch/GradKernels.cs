using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace GenAI.Torch;

/// <summary>Vectorised backward formulas of the common activations (forward and backward side by side in Pointwise.cs).</summary>
internal static class GradKernels
{
    /// <summary>relu: d = g where x &gt; 0, else 0.</summary>
    internal static void Relu(ReadOnlySpan<float> g, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d)
    {
        int i = 0, n = d.Length;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= n - 16; i += 16)
            {
                var mask = Vector512.GreaterThan(Vector512.Create(x.Slice(i, 16)), Vector512<float>.Zero);
                Vector512.BitwiseAnd(mask, Vector512.Create(g.Slice(i, 16))).CopyTo(d.Slice(i, 16));
            }
        else if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
            {
                var mask = Vector256.GreaterThan(Vector256.Create(x.Slice(i, 8)), Vector256<float>.Zero);
                Vector256.BitwiseAnd(mask, Vector256.Create(g.Slice(i, 8))).CopyTo(d.Slice(i, 8));
            }
        for (; i < n; i++) d[i] = x[i] > 0 ? g[i] : 0;
    }

    /// <summary>sigmoid: d = g·y·(1 − y).</summary>
    internal static void Sigmoid(ReadOnlySpan<float> g, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d)
    {
        TensorPrimitives.Subtract(1f, y, d);     // 1 − y
        TensorPrimitives.Multiply(d, y, d);      // y(1 − y)
        TensorPrimitives.Multiply(d, g, d);
    }

    /// <summary>tanh: d = g·(1 − y²).</summary>
    internal static void Tanh(ReadOnlySpan<float> g, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d)
    {
        TensorPrimitives.Multiply(y, y, d);
        TensorPrimitives.Subtract(1f, d, d);
        TensorPrimitives.Multiply(d, g, d);
    }
}
