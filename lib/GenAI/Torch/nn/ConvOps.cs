using static GenAI.Torch.torch;

namespace GenAI.Torch;

/// <summary>
/// 2-D convolution and transposed convolution by im2col + GEMM, per image and group.
/// conv2d: y[n, o] = W[o] [C/g·kh·kw] @ cols(x[n]) [C/g·kh·kw, L] + b[o], L = OutH·OutW.
/// conv_transpose2d is the adjoint: y[n] = Fold(Wᵀ @ x[n]).
/// </summary>
internal static class ConvOps
{
    internal static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, (int h, int w) stride, (int h, int w) padding, (int h, int w) dilation, int groups)
    {
        if (input.dim() != 4) throw new ArgumentException($"conv2d erwartet eine Eingabe [N, C, H, W], bekam [{string.Join(", ", input.shape)}]. Für ein einzelnes Bild: x.unsqueeze(0).");
        int n = input.sh[0], c = input.sh[1], h = input.sh[2], w = input.sh[3];
        int o = weight.sh[0], cg = weight.sh[1], kh = weight.sh[2], kw = weight.sh[3];
        if (c != cg * groups) throw new ArgumentException($"conv2d: die Eingabe hat {c} Kanäle, das Gewicht erwartet {cg * groups} (in_channels).");
        if (o % groups != 0) throw new ArgumentException("conv2d: out_channels muss durch groups teilbar sein.");
        var g = new Im2Col.Geometry(cg, h, w, kh, kw, stride.h, stride.w, padding.h, padding.w, dilation.h, dilation.w);
        if (g.OutH <= 0 || g.OutW <= 0) throw new ArgumentException($"conv2d: das Bild {h}×{w} ist kleiner als der Kern {kh}×{kw} (mit Padding {padding}).");
        var x = input.contiguous(); var wt = weight.contiguous();
        int l = g.Cols, rows = g.Rows, og = o / groups;
        var y = Tensor.Empty([n, o, g.OutH, g.OutW]);
        var cols = new float[rows * l];
        for (int b = 0; b < n; b++)
            for (int gi = 0; gi < groups; gi++)
            {
                Im2Col.Unfold(g, x.Span.Slice((b * c + gi * cg) * h * w, cg * h * w), cols);
                Gemm.Sgemm(og, l, rows, wt.F, wt.offset + gi * og * rows, rows, 1, cols, 0, l, 1, y.F, (b * o + gi * og) * l, l, false);
            }
        if (bias is not null) AddChannelBias(y, bias.contiguous());
        if (!NeedsGrad(input) && !NeedsGrad(weight) && !(bias is not null && NeedsGrad(bias))) return y;
        Tensor[] inputs = bias is null ? [input, weight] : [input, weight, bias];
        return Record(y, "ConvolutionBackward0", inputs, gy =>
        {
            var gc = gy.contiguous();
            Tensor? gx = input.requires_grad ? Tensor.Zeros(x.sh) : null;
            Tensor? gw = weight.requires_grad ? Tensor.Empty(wt.sh) : null;
            var gcols = new float[rows * l];
            for (int b = 0; b < n; b++)
                for (int gi = 0; gi < groups; gi++)
                {
                    int gyOff = gc.offset + (b * o + gi * og) * l;
                    if (gw is not null)
                    {
                        // dW[og, rows] += dY[og, L] @ colsᵀ[L, rows]
                        Im2Col.Unfold(g, x.Span.Slice((b * c + gi * cg) * h * w, cg * h * w), cols);
                        Gemm.Sgemm(og, rows, l, gc.F, gyOff, l, 1, cols, 0, 1, l, gw.F, gi * og * rows, rows, accumulate: b > 0);
                    }
                    if (gx is not null)
                    {
                        // dcols[rows, L] = W[og, rows]ᵀ @ dY[og, L], folded back onto the image.
                        Gemm.Sgemm(rows, l, og, wt.F, wt.offset + gi * og * rows, 1, rows, gc.F, gyOff, l, 1, gcols, 0, l, false);
                        Im2Col.Fold(g, gcols, gx.Span.Slice((b * c + gi * cg) * h * w, cg * h * w));
                    }
                }
            Tensor? gb = bias is not null && bias.requires_grad ? gc.sum([0L, 2L, 3L]) : null;
            return bias is null ? [gx, gw] : [gx, gw, gb];
        });
    }

    internal static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias, (int h, int w) stride, (int h, int w) padding, (int h, int w) outputPadding, (int h, int w) dilation, int groups)
    {
        if (input.dim() != 4) throw new ArgumentException($"conv_transpose2d erwartet eine Eingabe [N, C, H, W], bekam [{string.Join(", ", input.shape)}].");
        int n = input.sh[0], c = input.sh[1], h = input.sh[2], w = input.sh[3];
        int cIn = weight.sh[0], og = weight.sh[1], kh = weight.sh[2], kw = weight.sh[3];
        if (c != cIn) throw new ArgumentException($"conv_transpose2d: die Eingabe hat {c} Kanäle, das Gewicht erwartet {cIn}.");
        int cg = c / groups, o = og * groups;
        int outH = (h - 1) * stride.h - 2 * padding.h + dilation.h * (kh - 1) + outputPadding.h + 1;
        int outW = (w - 1) * stride.w - 2 * padding.w + dilation.w * (kw - 1) + outputPadding.w + 1;
        // The geometry of the forward convolution whose adjoint this is: image = output, columns = input pixels.
        var g = new Im2Col.Geometry(og, outH, outW, kh, kw, stride.h, stride.w, padding.h, padding.w, dilation.h, dilation.w);
        if (g.OutH != h || g.OutW != w)
            throw new ArgumentException($"conv_transpose2d: output_padding {outputPadding} passt nicht zu stride {stride}.");
        var x = input.contiguous(); var wt = weight.contiguous();
        int l = h * w, rows = g.Rows;
        var y = Tensor.Zeros([n, o, outH, outW]);
        var cols = new float[rows * l];
        for (int b = 0; b < n; b++)
            for (int gi = 0; gi < groups; gi++)
            {
                // cols[rows, L] = W[cg, rows]ᵀ @ x[cg, L]
                Gemm.Sgemm(rows, l, cg, wt.F, wt.offset + gi * cg * rows, 1, rows, x.F, x.offset + (b * c + gi * cg) * l, l, 1, cols, 0, l, false);
                Im2Col.Fold(g, cols, y.Span.Slice((b * o + gi * og) * outH * outW, og * outH * outW));
            }
        if (bias is not null) AddChannelBias(y, bias.contiguous());
        if (!NeedsGrad(input) && !NeedsGrad(weight) && !(bias is not null && NeedsGrad(bias))) return y;
        Tensor[] inputs = bias is null ? [input, weight] : [input, weight, bias];
        return Record(y, "ConvolutionBackward0", inputs, gy =>
        {
            var gc = gy.contiguous();
            Tensor? gx = input.requires_grad ? Tensor.Empty(x.sh) : null;
            Tensor? gw = weight.requires_grad ? Tensor.Empty(wt.sh) : null;
            for (int b = 0; b < n; b++)
                for (int gi = 0; gi < groups; gi++)
                {
                    Im2Col.Unfold(g, gc.Span.Slice((b * o + gi * og) * outH * outW, og * outH * outW), cols);
                    // dx[cg, L] = W[cg, rows] @ cols(dY)[rows, L]
                    if (gx is not null)
                        Gemm.Sgemm(cg, l, rows, wt.F, wt.offset + gi * cg * rows, rows, 1, cols, 0, l, 1, gx.F, (b * c + gi * cg) * l, l, false);
                    // dW[cg, rows] += x[cg, L] @ cols(dY)ᵀ[L, rows]
                    if (gw is not null)
                        Gemm.Sgemm(cg, rows, l, x.F, x.offset + (b * c + gi * cg) * l, l, 1, cols, 0, 1, l, gw.F, gi * cg * rows, rows, accumulate: b > 0);
                }
            Tensor? gb = bias is not null && bias.requires_grad ? gc.sum([0L, 2L, 3L]) : null;
            return bias is null ? [gx, gw] : [gx, gw, gb];
        });
    }

    private static void AddChannelBias(Tensor y, Tensor bias)
    {
        int n = y.sh[0], o = y.sh[1], l = y.sh[2] * y.sh[3];
        var ys = y.Span; var bs = bias.Span;
        for (int b = 0; b < n; b++)
            for (int k = 0; k < o; k++)
            {
                var plane = ys.Slice((b * o + k) * l, l);
                System.Numerics.Tensors.TensorPrimitives.Add(plane, bs[k], plane);
            }
    }
}
