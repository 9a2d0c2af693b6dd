using System.Numerics.Tensors;
using static GenAI.Torch.torch;
using Tensor = GenAI.Torch.torch.Tensor;

namespace GenAI.Torch;

/// <summary>
/// Fused binary cross-entropy kernels: one vectorised pass forward (in chunks through a small stack buffer),
/// one pass backward, and no per-element tensor unless reduction is None.
/// </summary>
internal static class LossKernels
{
    private const int Chunk = 1024;

    /// <summary>
    /// −w·(y·log x + (1−y)·log(1−x)), logs clamped at −100 (PyTorch). When x = sigmoid(z) was just computed
    /// in the graph, the loss and its gradient are taken from the logits z instead — the same value in exact
    /// arithmetic, more accurate in float32, and the backward is simply σ(z) − y.
    /// </summary>
    internal static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Tensor? weight, nn.Reduction reduction)
    {
        if (weight is null && !target.requires_grad && input.node is { Name: "SigmoidBackward0" } sig && sig.Inputs[0] is { } logits
            && input.is_contiguous() && is_grad_enabled())
            return Logits(logits, target, reduction, sigmoidOutput: input);

        var x = input.contiguous(); var y = target.contiguous();
        var w = weight?.expand(input.shape).contiguous();
        var xs = x.Span; var ys = y.Span;
        float lo = xs.Length == 0 ? 0 : TensorPrimitives.Min(xs), hi = xs.Length == 0 ? 0 : TensorPrimitives.Max(xs);
        if (!(lo >= 0 && hi <= 1))
            throw new ArgumentException($"binary_cross_entropy: input muss Wahrscheinlichkeiten in [0, 1] enthalten (z. B. nach sigmoid), gefunden: {(lo < 0 ? lo : hi)}. Für Logits nimm binary_cross_entropy_with_logits.");
        bool keep = reduction == nn.Reduction.None;
        var per = keep ? Tensor.Empty(x.sh) : null;
        Span<float> a = stackalloc float[Chunk], b = stackalloc float[Chunk];
        double total = 0;
        for (int s = 0; s < xs.Length; s += Chunk)
        {
            int len = Math.Min(Chunk, xs.Length - s);
            var xc = xs.Slice(s, len); var yc = ys.Slice(s, len);
            var la = a[..len]; var lb = b[..len];
            TensorPrimitives.Log(xc, la); TensorPrimitives.Max(la, -100f, la);            // log x, clamped
            TensorPrimitives.Subtract(1f, xc, lb); TensorPrimitives.Log(lb, lb); TensorPrimitives.Max(lb, -100f, lb); // log(1 − x)
            TensorPrimitives.Subtract(la, lb, la);                                      // log x − log(1−x)
            TensorPrimitives.MultiplyAdd(la, yc, lb, la);                               // y·(…) + log(1−x)
            TensorPrimitives.Negate(la, la);
            if (w is not null) TensorPrimitives.Multiply(la, w.Span.Slice(s, len), la);
            if (keep) la.CopyTo(per!.Span.Slice(s, len));
            total += TensorPrimitives.Sum(la);
        }
        var result = Reduce(per, total, xs.Length, reduction);
        if (NeedsGrad(input, target))
        {
            if (target.requires_grad) throw new NotSupportedException("binary_cross_entropy: Gradienten nach target werden nicht unterstützt.");
            Record(result, "BinaryCrossEntropyBackward0", [input], g =>
            {
                // d/dx = w·(x − y) / max(x·(1 − x), 1e-12), times the upstream gradient.
                var gx = Tensor.Empty(x.sh);
                var d = gx.Span; var xv = x.Span; var yv = y.Span;
                TensorPrimitives.Subtract(1f, xv, d);
                TensorPrimitives.Multiply(d, xv, d);
                TensorPrimitives.Max(d, 1e-12f, d);
                Span<float> t = stackalloc float[Chunk];
                for (int s = 0; s < d.Length; s += Chunk)
                {
                    int len = Math.Min(Chunk, d.Length - s);
                    var tc = t[..len];
                    TensorPrimitives.Subtract(xv.Slice(s, len), yv.Slice(s, len), tc);
                    TensorPrimitives.Divide(tc, d.Slice(s, len), d.Slice(s, len));
                }
                if (w is not null) TensorPrimitives.Multiply(d, w.Span, d);
                ScaleByUpstream(d, g, reduction);
                return [gx];
            });
        }
        return result;
    }

    internal static Tensor BceWithLogits(Tensor input, Tensor target, Tensor? weight, nn.Reduction reduction)
    {
        if (weight is null) return Logits(input, target, reduction, sigmoidOutput: null);
        var z = input.contiguous(); var y = target.contiguous();
        var w = weight.expand(input.shape).contiguous();
        bool keep = reduction == nn.Reduction.None;
        var per = Tensor.Empty(z.sh);
        LogitsLoss(z.Span, y.Span, per.Span);
        TensorPrimitives.Multiply(per.Span, w.Span, per.Span);
        double total = TensorPrimitives.Sum(per.Span);
        var result = Reduce(keep ? per : null, total, z.count, reduction);
        if (NeedsGrad(input, target))
        {
            if (target.requires_grad) throw new NotSupportedException("binary_cross_entropy_with_logits: Gradienten nach target werden nicht unterstützt.");
            Record(result, "BinaryCrossEntropyWithLogitsBackward0", [input], g =>
            {
                var gz = Tensor.Empty(z.sh);
                var d = gz.Span;
                TensorPrimitives.Sigmoid(z.Span, d);
                TensorPrimitives.Subtract(d, y.Span, d);
                TensorPrimitives.Multiply(d, w.Span, d);
                ScaleByUpstream(d, g, reduction);
                return [gz];
            });
        }
        return result;
    }

    /// <summary>Loss from logits z: max(z, 0) − z·y + log(1 + e^(−|z|)); backward w.r.t. z: σ(z) − y.</summary>
    private static Tensor Logits(Tensor input, Tensor target, nn.Reduction reduction, Tensor? sigmoidOutput)
    {
        var z = input.contiguous(); var y = target.contiguous();
        if (!Shape.SameShape(z.sh, y.sh))
            throw new ArgumentException($"binary_cross_entropy: input [{string.Join(", ", z.shape)}] und target [{string.Join(", ", y.shape)}] müssen dieselbe Form haben.");
        bool keep = reduction == nn.Reduction.None;
        var per = keep ? Tensor.Empty(z.sh) : null;
        double total = 0;
        Span<float> a = stackalloc float[Chunk];
        var zs = z.Span; var ys = y.Span;
        for (int s = 0; s < zs.Length; s += Chunk)
        {
            int len = Math.Min(Chunk, zs.Length - s);
            var la = keep ? per!.Span.Slice(s, len) : a[..len];
            LogitsLoss(zs.Slice(s, len), ys.Slice(s, len), la);
            total += TensorPrimitives.Sum(la);
        }
        var result = Reduce(per, total, zs.Length, reduction);
        if (NeedsGrad(input, target))
        {
            if (target.requires_grad) throw new NotSupportedException("binary_cross_entropy: Gradienten nach target werden nicht unterstützt.");
            Record(result, sigmoidOutput is null ? "BinaryCrossEntropyWithLogitsBackward0" : "BinaryCrossEntropyBackward0", [input], g =>
            {
                var gz = Tensor.Empty(z.sh);
                var d = gz.Span;
                if (sigmoidOutput is not null) sigmoidOutput.contiguous().Span.CopyTo(d);
                else TensorPrimitives.Sigmoid(z.Span, d);
                TensorPrimitives.Subtract(d, y.Span, d);
                ScaleByUpstream(d, g, reduction);
                return [gz];
            });
        }
        return result;
    }

    private static void LogitsLoss(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> l)
    {
        TensorPrimitives.Abs(z, l);
        TensorPrimitives.Negate(l, l);
        TensorPrimitives.Exp(l, l);
        TensorPrimitives.LogP1(l, l);                  // log(1 + e^(−|z|))
        Span<float> t = stackalloc float[Math.Min(l.Length, Chunk)];
        for (int s = 0; s < l.Length; s += t.Length)
        {
            int len = Math.Min(t.Length, l.Length - s);
            var tc = t[..len];
            TensorPrimitives.Max(z.Slice(s, len), 0f, tc);
            TensorPrimitives.Add(l.Slice(s, len), tc, l.Slice(s, len));        // + max(z, 0)
            TensorPrimitives.Multiply(z.Slice(s, len), y.Slice(s, len), tc);
            TensorPrimitives.Subtract(l.Slice(s, len), tc, l.Slice(s, len));   // − z·y
        }
    }

    private static Tensor Reduce(Tensor? per, double total, int count, nn.Reduction reduction) => reduction switch
    {
        nn.Reduction.None => per!,
        nn.Reduction.Sum => tensor((float)total),
        _ => tensor((float)(total / Math.Max(count, 1))),
    };

    /// <summary>d ·= upstream gradient: elementwise for None, else the scalar (÷ count for Mean).</summary>
    private static void ScaleByUpstream(Span<float> d, Tensor g, nn.Reduction reduction)
    {
        var gc = g.contiguous();
        if (reduction == nn.Reduction.None) { TensorPrimitives.Multiply(d, gc.Span, d); return; }
        float scale = gc.F[gc.offset] * (reduction == nn.Reduction.Mean ? 1f / Math.Max(d.Length, 1) : 1f);
        TensorPrimitives.Multiply(d, scale, d);
    }
}
