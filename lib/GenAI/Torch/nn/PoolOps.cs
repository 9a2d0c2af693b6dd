using static GenAI.Torch.torch;

namespace GenAI.Torch;

/// <summary>Max pooling (remembering the winning input position for backward) and nearest-neighbour upsampling.</summary>
internal static class PoolOps
{
    internal static Tensor MaxPool2d(Tensor input, (int h, int w) kernel, (int h, int w) stride, (int h, int w) padding, (int h, int w) dilation, bool ceilMode)
    {
        if (input.dim() is not (3 or 4)) throw new ArgumentException($"max_pool2d erwartet [N, C, H, W] oder [C, H, W], bekam [{string.Join(", ", input.shape)}].");
        if (input.dim() == 3) return MaxPool2d(input.unsqueeze(0), kernel, stride, padding, dilation, ceilMode).squeeze(0);
        if (padding.h * 2 > kernel.h || padding.w * 2 > kernel.w) throw new ArgumentException("max_pool2d: padding darf höchstens die halbe Kernelgröße sein.");
        int n = input.sh[0], c = input.sh[1], h = input.sh[2], w = input.sh[3];
        int outH = PoolOut(h, kernel.h, stride.h, padding.h, dilation.h, ceilMode);
        int outW = PoolOut(w, kernel.w, stride.w, padding.w, dilation.w, ceilMode);
        var x = input.contiguous();
        var y = Tensor.Empty([n, c, outH, outW]);
        var arg = new int[n * c * outH * outW];
        var xs = x.Span; var ys = y.Span;
        for (int p = 0; p < n * c; p++)
        {
            var plane = xs.Slice(p * h * w, h * w);
            for (int oy = 0; oy < outH; oy++)
                for (int ox = 0; ox < outW; ox++)
                {
                    float best = float.NegativeInfinity; int bestAt = -1;
                    for (int i = 0; i < kernel.h; i++)
                    {
                        int iy = oy * stride.h - padding.h + i * dilation.h;
                        if ((uint)iy >= (uint)h) continue;
                        for (int j = 0; j < kernel.w; j++)
                        {
                            int ix = ox * stride.w - padding.w + j * dilation.w;
                            if ((uint)ix >= (uint)w) continue;
                            float v = plane[iy * w + ix];
                            if (v > best || bestAt < 0 || float.IsNaN(v)) { best = v; bestAt = iy * w + ix; }
                        }
                    }
                    int o = (p * outH + oy) * outW + ox;
                    ys[o] = best; arg[o] = bestAt;
                }
        }
        if (!NeedsGrad(input)) return y;
        return Record(y, "MaxPool2DWithIndicesBackward0", [input], g =>
        {
            var gc = g.contiguous();
            var gx = Tensor.Zeros(x.sh);
            var gs = gc.Span; var d = gx.Span;
            int per = outH * outW;
            for (int o = 0; o < arg.Length; o++) d[(o / per) * h * w + arg[o]] += gs[o];
            return [gx];
        });
    }

    private static int PoolOut(int size, int k, int s, int p, int d, bool ceil)
    {
        double v = (size + 2.0 * p - d * (k - 1) - 1) / s + 1;
        int o = ceil ? (int)Math.Ceiling(v) : (int)Math.Floor(v);
        // PyTorch: with ceil_mode the last window must start inside the input (or left padding).
        if (ceil && (o - 1) * s >= size + p) o--;
        return o;
    }

    /// <summary>Nearest: output pixel (y, x) copies input (⌊y·H/H_out⌋, ⌊x·W/W_out⌋) (PyTorch's "nearest", with scale = in/out).</summary>
    internal static Tensor UpsampleNearest(Tensor input, int outH, int outW, double? scaleH, double? scaleW)
    {
        if (input.dim() != 4) throw new ArgumentException($"Upsample (nearest) erwartet [N, C, H, W], bekam [{string.Join(", ", input.shape)}].");
        int n = input.sh[0], c = input.sh[1], h = input.sh[2], w = input.sh[3];
        var x = input.contiguous();
        // With an explicit scale_factor PyTorch maps by 1/scale, otherwise by in/out.
        double fy = scaleH is { } sy ? 1 / sy : (double)h / outH, fx = scaleW is { } sx ? 1 / sx : (double)w / outW;
        var srcY = new int[outH]; var srcX = new int[outW];
        for (int i = 0; i < outH; i++) srcY[i] = Math.Min((int)Math.Floor(i * fy), h - 1);
        for (int j = 0; j < outW; j++) srcX[j] = Math.Min((int)Math.Floor(j * fx), w - 1);
        var y = Tensor.Empty([n, c, outH, outW]);
        var xs = x.Span; var ys = y.Span;
        for (int p = 0; p < n * c; p++)
            for (int i = 0; i < outH; i++)
                for (int j = 0; j < outW; j++)
                    ys[(p * outH + i) * outW + j] = xs[(p * h + srcY[i]) * w + srcX[j]];
        if (!NeedsGrad(input)) return y;
        return Record(y, "UpsampleNearest2DBackward0", [input], g =>
        {
            var gc = g.contiguous();
            var gx = Tensor.Zeros(x.sh);
            var gs = gc.Span; var d = gx.Span;
            for (int p = 0; p < n * c; p++)
                for (int i = 0; i < outH; i++)
                    for (int j = 0; j < outW; j++)
                        d[(p * h + srcY[i]) * w + srcX[j]] += gs[(p * outH + i) * outW + j];
            return [gx];
        });
    }
}
