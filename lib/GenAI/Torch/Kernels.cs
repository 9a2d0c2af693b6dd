using System.Numerics.Tensors;

namespace GenAI.Torch;

/// <summary>A float binary op in the three span shapes broadcasting produces (tensor∘tensor, tensor∘scalar, scalar∘tensor).</summary>
internal interface IBinaryOp
{
    static abstract float Apply(float x, float y);
    static abstract void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d);
    static abstract void Apply(ReadOnlySpan<float> x, float y, Span<float> d);
    static abstract void Apply(float x, ReadOnlySpan<float> y, Span<float> d);
}

internal struct AddOp : IBinaryOp
{
    public static float Apply(float x, float y) => x + y;
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Add(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Add(x, y, d);
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Add(y, x, d);
}

internal struct SubOp : IBinaryOp
{
    public static float Apply(float x, float y) => x - y;
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Subtract(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Subtract(x, y, d);
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Subtract(x, y, d);
}

internal struct MulOp : IBinaryOp
{
    public static float Apply(float x, float y) => x * y;
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Multiply(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Multiply(x, y, d);
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Multiply(y, x, d);
}

internal struct DivOp : IBinaryOp
{
    public static float Apply(float x, float y) => x / y;
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Divide(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Divide(x, y, d);
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Divide(x, y, d);
}

internal struct PowOp : IBinaryOp
{
    public static float Apply(float x, float y) => MathF.Pow(x, y);
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Pow(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d)
    {
        if (y == 2) TensorPrimitives.Multiply(x, x, d);
        else if (y == 1) x.CopyTo(d);
        else if (y == 0.5f) TensorPrimitives.Sqrt(x, d);
        else TensorPrimitives.Pow(x, y, d);
    }
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Pow(x, y, d);
}

internal struct MaxOp : IBinaryOp
{
    // PyTorch's maximum propagates NaN, as TensorPrimitives.Max does.
    public static float Apply(float x, float y) => MathF.Max(x, y);
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Max(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Max(x, y, d);
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Max(y, x, d);
}

internal struct MinOp : IBinaryOp
{
    public static float Apply(float x, float y) => MathF.Min(x, y);
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Min(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Min(x, y, d);
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Min(y, x, d);
}

/// <summary>Runs an <see cref="IBinaryOp"/> over two broadcast float views into a new contiguous tensor.</summary>
internal static class Broadcasting
{
    internal static torch.Tensor Binary<TOp>(torch.Tensor a, torch.Tensor b) where TOp : struct, IBinaryOp
    {
        var outShape = Shape.SameShape(a.sh, b.sh) ? a.sh : Shape.Broadcast(a.sh, b.sh);
        var r = torch.Tensor.Empty(outShape);
        var d = r.Span;
        if (r.count == 0) return r;
        bool aFull = a.count == r.count && a.is_contiguous(), bFull = b.count == r.count && b.is_contiguous();
        if (aFull && bFull) { TOp.Apply(a.Span, b.Span, d); return r; }
        if (aFull && b.count == 1) { TOp.Apply(a.Span, b.F[b.offset], d); return r; }
        if (bFull && a.count == 1) { TOp.Apply(a.F[a.offset], b.Span, d); return r; }

        int n = outShape.Length;
        var sa = Shape.BroadcastStrides(a.sh, a.st, outShape);
        var sb = Shape.BroadcastStrides(b.sh, b.st, outShape);
        int inner = outShape[n - 1];
        int rows = r.count / inner;
        Span<int> idx = stackalloc int[n];
        int oa = a.offset, ob = b.offset;
        var fa = a.F; var fb = b.F;
        int ia = sa[n - 1], ib = sb[n - 1];
        for (int row = 0, di = 0; row < rows; row++, di += inner)
        {
            var dst = d.Slice(di, inner);
            if (ia == 1 && ib == 1) TOp.Apply(fa.AsSpan(oa, inner), fb.AsSpan(ob, inner), dst);
            else if (ia == 1 && ib == 0) TOp.Apply(fa.AsSpan(oa, inner), fb[ob], dst);
            else if (ia == 0 && ib == 1) TOp.Apply(fa[oa], fb.AsSpan(ob, inner), dst);
            else for (int j = 0; j < inner; j++) dst[j] = TOp.Apply(fa[oa + j * ia], fb[ob + j * ib]);
            // Advance both offsets together over the outer dimensions.
            for (int dd = n - 2; dd >= 0; dd--)
            {
                idx[dd]++;
                oa += sa[dd]; ob += sb[dd];
                if (idx[dd] < outShape[dd]) break;
                oa -= sa[dd] * outShape[dd]; ob -= sb[dd] * outShape[dd];
                idx[dd] = 0;
            }
        }
        return r;
    }

    /// <summary>Element-wise comparison producing a bool tensor (1/0 in int64 storage).</summary>
    internal static torch.Tensor Compare(torch.Tensor a, torch.Tensor b, Func<double, double, bool> cmp)
    {
        var outShape = Shape.Broadcast(a.sh, b.sh);
        var ea = a.expand(Shape.ToLong(outShape)).contiguous();
        var eb = b.expand(Shape.ToLong(outShape)).contiguous();
        var r = torch.Tensor.EmptyLong(outShape, torch.ScalarType.Bool);
        var d = r.LongSpan;
        for (int i = 0; i < d.Length; i++)
        {
            double x = ea.IsFloat ? ea.F[ea.offset + i] : ea.L[ea.offset + i];
            double y = eb.IsFloat ? eb.F[eb.offset + i] : eb.L[eb.offset + i];
            d[i] = cmp(x, y) ? 1 : 0;
        }
        return r;
    }
}
