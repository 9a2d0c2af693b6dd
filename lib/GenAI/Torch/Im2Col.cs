namespace GenAI.Torch;

/// <summary>
/// Unfolds image patches into matrix columns so a convolution becomes one GEMM:
/// cols[(c·kh + i)·kw + j, oh·W_out + ow] = x[c, oh·s_h − p_h + i·d_h, ow·s_w − p_w + j·d_w] (0 outside the image).
/// Col2Im is its adjoint (sums overlapping patches back), used by conv backward and transposed convolution.
/// </summary>
internal static class Im2Col
{
    internal readonly record struct Geometry(int C, int H, int W, int Kh, int Kw, int Sh, int Sw, int Ph, int Pw, int Dh, int Dw)
    {
        public int OutH => (H + 2 * Ph - Dh * (Kh - 1) - 1) / Sh + 1;
        public int OutW => (W + 2 * Pw - Dw * (Kw - 1) - 1) / Sw + 1;
        public int Rows => C * Kh * Kw;
        public int Cols => OutH * OutW;
    }

    /// <summary>x: one image [C, H, W]; cols: [C·Kh·Kw, OutH·OutW].</summary>
    internal static void Unfold(in Geometry g, ReadOnlySpan<float> x, Span<float> cols)
    {
        int oh = g.OutH, ow = g.OutW, l = oh * ow;
        for (int c = 0; c < g.C; c++)
            for (int i = 0; i < g.Kh; i++)
                for (int j = 0; j < g.Kw; j++)
                {
                    var row = cols.Slice(((c * g.Kh + i) * g.Kw + j) * l, l);
                    for (int y = 0; y < oh; y++)
                    {
                        int ih = y * g.Sh - g.Ph + i * g.Dh;
                        var dst = row.Slice(y * ow, ow);
                        if ((uint)ih >= (uint)g.H) { dst.Clear(); continue; }
                        var src = x.Slice((c * g.H + ih) * g.W, g.W);
                        int iw0 = -g.Pw + j * g.Dw;
                        if (g.Sw == 1)
                        {
                            // Contiguous run: copy the in-bounds part, zero the padding on either side.
                            int lo = Math.Clamp(-iw0, 0, ow), hi = Math.Clamp(g.W - iw0, 0, ow);
                            dst[..lo].Clear();
                            if (hi > lo) src.Slice(iw0 + lo, hi - lo).CopyTo(dst[lo..hi]);
                            dst[Math.Max(hi, lo)..].Clear();
                        }
                        else
                            for (int xo = 0; xo < ow; xo++)
                            {
                                int iw = iw0 + xo * g.Sw;
                                dst[xo] = (uint)iw < (uint)g.W ? src[iw] : 0;
                            }
                    }
                }
    }

    /// <summary>Adjoint of <see cref="Unfold"/>: x[c, ih, iw] += cols[…] for every patch position (x is not cleared).</summary>
    internal static void Fold(in Geometry g, ReadOnlySpan<float> cols, Span<float> x)
    {
        int oh = g.OutH, ow = g.OutW, l = oh * ow;
        for (int c = 0; c < g.C; c++)
            for (int i = 0; i < g.Kh; i++)
                for (int j = 0; j < g.Kw; j++)
                {
                    var row = cols.Slice(((c * g.Kh + i) * g.Kw + j) * l, l);
                    for (int y = 0; y < oh; y++)
                    {
                        int ih = y * g.Sh - g.Ph + i * g.Dh;
                        if ((uint)ih >= (uint)g.H) continue;
                        var dst = x.Slice((c * g.H + ih) * g.W, g.W);
                        var src = row.Slice(y * ow, ow);
                        int iw0 = -g.Pw + j * g.Dw;
                        if (g.Sw == 1)
                        {
                            int lo = Math.Clamp(-iw0, 0, ow), hi = Math.Clamp(g.W - iw0, 0, ow);
                            if (hi > lo)
                            {
                                var d = dst.Slice(iw0 + lo, hi - lo);
                                System.Numerics.Tensors.TensorPrimitives.Add(d, src[lo..hi], d);
                            }
                        }
                        else
                            for (int xo = 0; xo < ow; xo++)
                            {
                                int iw = iw0 + xo * g.Sw;
                                if ((uint)iw < (uint)g.W) dst[iw] += src[xo];
                            }
                    }
                }
    }
}
