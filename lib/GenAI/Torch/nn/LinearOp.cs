using static GenAI.Torch.torch;

namespace GenAI.Torch;

/// <summary>
/// Fused affine map y = x·Wᵀ + b as one graph node: x [n, in], W [out, in], b [out] → y [n, out].
/// Backward: dx = dy·W [n,out]@[out,in], dW = dyᵀ·x [out,n]@[n,in], db = Σ_rows dy.
/// </summary>
internal static class LinearOp
{
    internal static Tensor Forward(Tensor input, Tensor weight, Tensor? bias)
    {
        if (weight.dim() != 2) throw new ArgumentException($"linear: weight muss 2-D [out, in] sein, ist [{string.Join(", ", weight.shape)}].");
        if (input.dim() == 0 || input.size(-1) != weight.size(1))
            throw new ArgumentException($"linear: die letzte Dimension der Eingabe [{string.Join(", ", input.shape)}] muss {weight.size(1)} (in_features) sein.");
        if (input.dim() != 2)
        {
            var lead = input.shape[..^1];
            var flat = Forward(input.reshape(-1, weight.size(1)), weight, bias);
            return flat.reshape([.. lead, weight.size(0)]);
        }
        input.RequireFloat("linear");
        int n = input.sh[0], inF = input.sh[1], outF = weight.sh[0];
        var y = Tensor.Empty([n, outF]);
        // B = Wᵀ as a strided view: element (p, j) = W[j, p] → row stride W.st[1], column stride W.st[0].
        Gemm.Sgemm(n, outF, inF, input.F, input.offset, input.st[0], input.st[1],
                   weight.F, weight.offset, weight.st[1], weight.st[0], y.F, 0, outF, false);
        if (bias is not null)
        {
            var b = bias.contiguous().Span;
            var ys = y.Span;
            for (int i = 0; i < n; i++)
            {
                var row = ys.Slice(i * outF, outF);
                System.Numerics.Tensors.TensorPrimitives.Add(row, b, row);
            }
        }
        bool needs = is_grad_enabled() && (input.requires_grad || weight.requires_grad || (bias?.requires_grad ?? false));
        if (!needs) return y;
        Tensor[] inputs = bias is null ? [input, weight] : [input, weight, bias];
        return Record(y, "AddmmBackward0", inputs, g =>
        {
            if (is_grad_enabled())
            {
                // create_graph: compose from differentiable ops.
                return [input.requires_grad ? g.mm(weight) : null, weight.requires_grad ? g.t().mm(input) : null,
                        bias is not null && bias.requires_grad ? g.sum(0) : null];
            }
            var gc = g.contiguous();
            Tensor? gx = null, gw = null, gb = null;
            if (input.requires_grad)
            {
                gx = Tensor.Empty([n, inF]);
                Gemm.Sgemm(n, inF, outF, gc.F, gc.offset, outF, 1, weight.F, weight.offset, weight.st[0], weight.st[1], gx.F, 0, inF, false);
            }
            if (weight.requires_grad)
            {
                // dyᵀ: element (j, i) = dy[i, j] → row stride 1, column stride outF.
                // A leaf weight with a gradient buffer gets dW added straight into it (no temporary).
                if (Autograd.CanAccumulateDirectly(weight) is { } wg)
                    Gemm.Sgemm(outF, inF, n, gc.F, gc.offset, 1, outF, input.F, input.offset, input.st[0], input.st[1], wg.F, wg.offset, inF, true);
                else
                {
                    gw = Tensor.Empty([outF, inF]);
                    Gemm.Sgemm(outF, inF, n, gc.F, gc.offset, 1, outF, input.F, input.offset, input.st[0], input.st[1], gw.F, 0, inF, false);
                }
            }
            if (bias is not null && bias.requires_grad)
            {
                if (Autograd.CanAccumulateDirectly(bias) is { } bg)
                {
                    var dst = bg.Span;
                    for (int i = 0; i < n; i++) System.Numerics.Tensors.TensorPrimitives.Add(dst, gc.Span.Slice(i * outF, outF), dst);
                }
                else gb = gc.SumDimRaw(0).ReshapeRaw([outF]);
            }
            return bias is null ? [gx, gw] : [gx, gw, gb];
        });
    }
}
