using static GenAI.Torch.torch;

namespace GenAI.Torch;

/// <summary>Fused binary cross-entropy kernels: one pass forward, one pass backward, no temporaries.</summary>
internal static class LossKernels
{
    internal static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Tensor? weight, nn.Reduction reduction)
    {
        var x = input.contiguous(); var y = target.contiguous();
        var w = weight?.expand(input.shape).contiguous();
        var xs = x.Span; var ys = y.Span;
        var per = Tensor.Empty(x.sh);
        var ps = per.Span;
        double total = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            float xi = xs[i];
            if (!(xi >= 0 && xi <= 1))
                throw new ArgumentException($"binary_cross_entropy: input muss Wahrscheinlichkeiten in [0, 1] enthalten (z. B. nach sigmoid), gefunden: {xi}. Für Logits nimm binary_cross_entropy_with_logits.");
            // PyTorch clamps each log term at −100 so x = 0 or 1 gives a finite loss.
            float l = -(ys[i] * MathF.Max(MathF.Log(xi), -100f) + (1 - ys[i]) * MathF.Max(MathF.Log(1 - xi), -100f));
            if (w is not null) l *= w.F[w.offset + i];
            ps[i] = l;
            total += l;
        }
        var result = reduction switch
        {
            nn.Reduction.None => per,
            nn.Reduction.Sum => tensor((float)total),
            _ => tensor((float)(total / Math.Max(xs.Length, 1))),
        };
        if (NeedsGrad(input, target))
        {
            if (target.requires_grad) throw new NotSupportedException("binary_cross_entropy: Gradienten nach target werden nicht unterstützt.");
            Record(result, "BinaryCrossEntropyBackward0", [input], g =>
            {
                // d/dx = w·(x − y) / max(x·(1 − x), 1e-12), times the upstream gradient.
                var gx = Tensor.Empty(x.sh);
                var d = gx.Span; var xs2 = x.Span; var ys2 = y.Span;
                var gc = g.contiguous();
                bool perElem = reduction == nn.Reduction.None;
                float scale = reduction == nn.Reduction.Mean ? 1f / Math.Max(xs2.Length, 1) : 1f;
                float g0 = perElem ? 0 : gc.F[gc.offset];
                for (int i = 0; i < d.Length; i++)
                {
                    float xi = xs2[i];
                    float v = (xi - ys2[i]) / MathF.Max(xi * (1 - xi), 1e-12f);
                    if (w is not null) v *= w.F[w.offset + i];
                    d[i] = v * (perElem ? gc.F[gc.offset + i] : g0 * scale);
                }
                return [gx];
            });
        }
        return result;
    }

    internal static Tensor BceWithLogits(Tensor input, Tensor target, Tensor? weight, nn.Reduction reduction)
    {
        var z = input.contiguous(); var y = target.contiguous();
        var w = weight?.expand(input.shape).contiguous();
        var zs = z.Span; var ys = y.Span;
        var per = Tensor.Empty(z.sh);
        var ps = per.Span;
        double total = 0;
        for (int i = 0; i < zs.Length; i++)
        {
            float zi = zs[i];
            // max(z, 0) − z·y + log(1 + e^(−|z|))
            float l = MathF.Max(zi, 0) - zi * ys[i] + MathF.Log(1 + MathF.Exp(-MathF.Abs(zi)));
            if (w is not null) l *= w.F[w.offset + i];
            ps[i] = l;
            total += l;
        }
        var result = reduction switch
        {
            nn.Reduction.None => per,
            nn.Reduction.Sum => tensor((float)total),
            _ => tensor((float)(total / Math.Max(zs.Length, 1))),
        };
        if (NeedsGrad(input, target))
        {
            if (target.requires_grad) throw new NotSupportedException("binary_cross_entropy_with_logits: Gradienten nach target werden nicht unterstützt.");
            Record(result, "BinaryCrossEntropyWithLogitsBackward0", [input], g =>
            {
                // d/dz = w·(σ(z) − y)
                var gz = Tensor.Empty(z.sh);
                var d = gz.Span; var zs2 = z.Span; var ys2 = y.Span;
                var gc = g.contiguous();
                bool perElem = reduction == nn.Reduction.None;
                float scale = reduction == nn.Reduction.Mean ? 1f / Math.Max(zs2.Length, 1) : 1f;
                float g0 = perElem ? 0 : gc.F[gc.offset];
                for (int i = 0; i < d.Length; i++)
                {
                    float v = 1 / (1 + MathF.Exp(-zs2[i])) - ys2[i];
                    if (w is not null) v *= w.F[w.offset + i];
                    d[i] = v * (perElem ? gc.F[gc.offset + i] : g0 * scale);
                }
                return [gz];
            });
        }
        return result;
    }
}
