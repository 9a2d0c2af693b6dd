using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenAI.Torch;

/// <summary>
/// Single-precision matrix multiply C[m×n] (+)= A[m×k]·B[k×n] on strided operands (row stride, column
/// stride), so the transposed views of the backward pass (Aᵀ, Bᵀ) need no copy.
///
/// Formula: C[i, j] = (accumulate ? C[i, j] : 0) + Σ_p A[i, p]·B[p, j].
///
/// Blocking (Goto &amp; van de Geijn 2008, "Anatomy of High-Performance Matrix Multiplication"; BLIS loop order):
///   for jc in steps of NC (columns of B/C)          — B block kc×nc is packed once, lives in L2
///     for pc in steps of KC (the shared dimension)
///       pack B[pc:pc+kc, jc:jc+nc] into NR-wide column panels  (Bp[panel][p][0..NR))
///       for ic in steps of MC (rows of A/C)
///         pack A[ic:ic+mc, pc:pc+kc] into MR-tall row panels   (Ap[panel][p][0..MR))
///         for ir in steps of MR: for jr in steps of NR:
///           micro-kernel: C[ir:ir+MR, jr:jr+NR] += Ap panel (kc×MR) · Bp panel (kc×NR)
/// The micro-kernel keeps the MR×NR tile of C in registers: MR·NR/16 = 16 zmm accumulators for
/// AVX-512 (MR = 8, NR = 32), 12 ymm accumulators for AVX2+FMA (MR = 6, NR = 16); each step p broadcasts
/// MR values of A and does MR·NR/W fused multiply-adds with the NR values of B. Packing zero-pads edge
/// panels, and edge tiles go through a small temporary tile, so the kernel never branches inside its loop.
/// Threads split C's columns (or rows, for narrow C) into contiguous ranges; each packs its own panels.
/// </summary>
internal static unsafe class Gemm
{
    private const int KC = 256, MC = 128, NC = 512;

    private static readonly bool UseAvx512 = Avx512F.IsSupported;
    private static readonly bool UseFma = Fma.IsSupported && Avx.IsSupported;

    private static int MR => UseAvx512 ? 8 : UseFma ? 6 : 4;
    private static int NR => UseAvx512 ? 32 : UseFma ? 16 : 4;

    [ThreadStatic] private static float[]? packA, packB;

    internal static void Sgemm(int m, int n, int k,
        float[] a, int aOff, int aRs, int aCs,
        float[] b, int bOff, int bRs, int bCs,
        float[] c, int cOff, int ldc, bool accumulate)
    {
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate) for (int i = 0; i < m; i++) c.AsSpan(cOff + i * ldc, n).Clear();
            return;
        }
        int threads = Math.Min(Parallelism.Threads, Environment.ProcessorCount);
        double flops = 2.0 * m * n * k;
        int nr = NR, mr = MR;
        if (threads > 1 && flops >= 4e6)
        {
            if (n / nr >= threads)
            {
                // Split columns of C into equal multiples of NR.
                int panels = (n + nr - 1) / nr;
                Parallel.For(0, threads, t =>
                {
                    int p0 = panels * t / threads, p1 = panels * (t + 1) / threads;
                    int j0 = p0 * nr, j1 = Math.Min(p1 * nr, n);
                    if (j1 > j0) Serial(m, j1 - j0, k, a, aOff, aRs, aCs, b, bOff + j0 * bCs, bRs, bCs, c, cOff + j0, ldc, accumulate);
                });
                return;
            }
            if (m / mr >= threads)
            {
                int panels = (m + mr - 1) / mr;
                Parallel.For(0, threads, t =>
                {
                    int p0 = panels * t / threads, p1 = panels * (t + 1) / threads;
                    int i0 = p0 * mr, i1 = Math.Min(p1 * mr, m);
                    if (i1 > i0) Serial(i1 - i0, n, k, a, aOff + i0 * aRs, aRs, aCs, b, bOff, bRs, bCs, c, cOff + i0 * ldc, ldc, accumulate);
                });
                return;
            }
        }
        Serial(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
    }

    private static void Serial(int m, int n, int k,
        float[] a, int aOff, int aRs, int aCs,
        float[] b, int bOff, int bRs, int bCs,
        float[] c, int cOff, int ldc, bool accumulate)
    {
        int mr = MR, nr = NR;
        var pa = packA ??= GC.AllocateUninitializedArray<float>(MC * KC + 64, pinned: true);
        var pb = packB ??= GC.AllocateUninitializedArray<float>(NC * KC + 64, pinned: true);
        Span<float> tile = stackalloc float[8 * 32];
        fixed (float* ap = pa, bp = pb, cp = c, aa = a, bb = b)
        fixed (float* tp = tile)
        {
            for (int jc = 0; jc < n; jc += NC)
            {
                int nc = Math.Min(NC, n - jc);
                for (int pc = 0; pc < k; pc += KC)
                {
                    int kc = Math.Min(KC, k - pc);
                    bool overwrite = pc == 0 && !accumulate;
                    PackB(bb + bOff + pc * bRs + jc * bCs, bRs, bCs, kc, nc, nr, bp);
                    for (int ic = 0; ic < m; ic += MC)
                    {
                        int mc = Math.Min(MC, m - ic);
                        PackA(aa + aOff + ic * aRs + pc * aCs, aRs, aCs, mc, kc, mr, ap);
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int mrr = Math.Min(mr, mc - ir);
                            float* aPanel = ap + ir * kc;
                            for (int jr = 0; jr < nc; jr += nr)
                            {
                                int nrr = Math.Min(nr, nc - jr);
                                float* bPanel = bp + jr * kc;
                                float* cTile = cp + cOff + (ic + ir) * ldc + jc + jr;
                                if (mrr == mr && nrr == nr) Kernel(kc, aPanel, bPanel, cTile, ldc, overwrite);
                                else
                                {
                                    // Edge tile: compute the full tile into scratch, then add the valid part.
                                    Kernel(kc, aPanel, bPanel, tp, nr, overwrite: true);
                                    for (int i = 0; i < mrr; i++)
                                        for (int j = 0; j < nrr; j++)
                                            cTile[i * ldc + j] = overwrite ? tp[i * nr + j] : cTile[i * ldc + j] + tp[i * nr + j];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Ap[panel][p][r] = A[i0 + panel·MR + r, p], zero rows past mc.</summary>
    private static void PackA(float* a, int rs, int cs, int mc, int kc, int mr, float* dst)
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            float* panel = dst + ir * kc;
            if (rows < mr) new Span<float>(panel, kc * mr).Clear();
            if (cs == 1)
            {
                // Row-major A: read rows contiguously, write with stride MR (the panel stays in L1);
                // full 8-row panels go through 8×8 register transposes.
                int p0 = 0;
                if (rows == 8 && mr == 8 && Avx.IsSupported)
                    for (; p0 <= kc - 8; p0 += 8) Transpose8x8(a + ir * rs + p0, rs, panel + p0 * mr, mr);
                for (int r = 0; r < rows; r++)
                {
                    float* src = a + (ir + r) * rs;
                    for (int p = p0; p < kc; p++) panel[p * mr + r] = src[p];
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    float* src = a + p * cs + ir * rs;
                    float* d = panel + p * mr;
                    for (int r = 0; r < rows; r++) d[r] = src[r * rs];
                }
            }
        }
    }

    /// <summary>Bp[panel][p][j] = B[p, j0 + panel·NR + j], zero columns past nc.</summary>
    private static void PackB(float* b, int rs, int cs, int kc, int nc, int nr, float* dst)
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            float* panel = dst + jr * kc;
            if (cols < nr) new Span<float>(panel, kc * nr).Clear();
            if (cs == 1)
            {
                for (int p = 0; p < kc; p++)
                    new ReadOnlySpan<float>(b + p * rs + jr, cols).CopyTo(new Span<float>(panel + p * nr, cols));
            }
            else
            {
                // Transposed B (e.g. Wᵀ in nn.Linear): read each column contiguously along p,
                // 8 columns × 8 rows at a time through register transposes.
                int j0 = 0;
                if (rs == 1 && Avx.IsSupported)
                    for (; j0 <= cols - 8; j0 += 8)
                    {
                        int p = 0;
                        for (; p <= kc - 8; p += 8) Transpose8x8(b + (jr + j0) * cs + p, cs, panel + p * nr + j0, nr);
                        for (int j = j0; j < j0 + 8; j++)
                            for (int q = p; q < kc; q++) panel[q * nr + j] = b[(jr + j) * cs + q];
                    }
                for (int j = j0; j < cols; j++)
                {
                    float* src = b + (jr + j) * cs;
                    if (rs == 1) for (int p = 0; p < kc; p++) panel[p * nr + j] = src[p];
                    else for (int p = 0; p < kc; p++) panel[p * nr + j] = src[p * rs];
                }
            }
        }
    }

    /// <summary>dst[i·dstStride + r] = src[r·srcStride + i] for an 8×8 block (unpack/shuffle/permute, 24 AVX ops).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, int srcStride, float* dst, int dstStride)
    {
        var r0 = Avx.LoadVector256(src); var r1 = Avx.LoadVector256(src + srcStride);
        var r2 = Avx.LoadVector256(src + 2 * srcStride); var r3 = Avx.LoadVector256(src + 3 * srcStride);
        var r4 = Avx.LoadVector256(src + 4 * srcStride); var r5 = Avx.LoadVector256(src + 5 * srcStride);
        var r6 = Avx.LoadVector256(src + 6 * srcStride); var r7 = Avx.LoadVector256(src + 7 * srcStride);
        var t0 = Avx.UnpackLow(r0, r1); var t1 = Avx.UnpackHigh(r0, r1); var t2 = Avx.UnpackLow(r2, r3); var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5); var t5 = Avx.UnpackHigh(r4, r5); var t6 = Avx.UnpackLow(r6, r7); var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE); var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE); var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20)); Avx.Store(dst + dstStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * dstStride, Avx.Permute2x128(u2, u6, 0x20)); Avx.Store(dst + 3 * dstStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * dstStride, Avx.Permute2x128(u0, u4, 0x31)); Avx.Store(dst + 5 * dstStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * dstStride, Avx.Permute2x128(u2, u6, 0x31)); Avx.Store(dst + 7 * dstStride, Avx.Permute2x128(u3, u7, 0x31));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        if (UseAvx512) Kernel8x32(kc, a, b, c, ldc, overwrite);
        else if (UseFma) Kernel6x16(kc, a, b, c, ldc, overwrite);
        else Kernel4x4(kc, a, b, c, ldc, overwrite);
    }

    /// <summary>C[8×32] (+)= Σ_p a[p][0..8) ⊗ b[p][0..32): 16 zmm accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x32(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Avx512F.LoadVector512(b);
            var b1 = Avx512F.LoadVector512(b + 16);
            var x = Vector512.Create(a[0]); c00 = Avx512F.FusedMultiplyAdd(x, b0, c00); c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]); c10 = Avx512F.FusedMultiplyAdd(x, b0, c10); c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]); c20 = Avx512F.FusedMultiplyAdd(x, b0, c20); c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]); c30 = Avx512F.FusedMultiplyAdd(x, b0, c30); c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]); c40 = Avx512F.FusedMultiplyAdd(x, b0, c40); c41 = Avx512F.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]); c50 = Avx512F.FusedMultiplyAdd(x, b0, c50); c51 = Avx512F.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]); c60 = Avx512F.FusedMultiplyAdd(x, b0, c60); c61 = Avx512F.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]); c70 = Avx512F.FusedMultiplyAdd(x, b0, c70); c71 = Avx512F.FusedMultiplyAdd(x, b1, c71);
            a += 8; b += 32;
        }
        Store512(c, c00, c01, overwrite); Store512(c + ldc, c10, c11, overwrite);
        Store512(c + 2 * ldc, c20, c21, overwrite); Store512(c + 3 * ldc, c30, c31, overwrite);
        Store512(c + 4 * ldc, c40, c41, overwrite); Store512(c + 5 * ldc, c50, c51, overwrite);
        Store512(c + 6 * ldc, c60, c61, overwrite); Store512(c + 7 * ldc, c70, c71, overwrite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(float* c, Vector512<float> v0, Vector512<float> v1, bool overwrite)
    {
        if (!overwrite) { v0 += Vector512.Load(c); v1 += Vector512.Load(c + 16); }
        v0.Store(c); v1.Store(c + 16);
    }

    /// <summary>C[6×16] (+)= Σ_p a[p][0..6) ⊗ b[p][0..16): 12 ymm accumulators (AVX2 + FMA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel6x16(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Avx.LoadVector256(b);
            var b1 = Avx.LoadVector256(b + 8);
            var x = Vector256.Create(a[0]); c00 = Fma.MultiplyAdd(x, b0, c00); c01 = Fma.MultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]); c10 = Fma.MultiplyAdd(x, b0, c10); c11 = Fma.MultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]); c20 = Fma.MultiplyAdd(x, b0, c20); c21 = Fma.MultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]); c30 = Fma.MultiplyAdd(x, b0, c30); c31 = Fma.MultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]); c40 = Fma.MultiplyAdd(x, b0, c40); c41 = Fma.MultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]); c50 = Fma.MultiplyAdd(x, b0, c50); c51 = Fma.MultiplyAdd(x, b1, c51);
            a += 6; b += 16;
        }
        Store256(c, c00, c01, overwrite); Store256(c + ldc, c10, c11, overwrite); Store256(c + 2 * ldc, c20, c21, overwrite);
        Store256(c + 3 * ldc, c30, c31, overwrite); Store256(c + 4 * ldc, c40, c41, overwrite); Store256(c + 5 * ldc, c50, c51, overwrite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store256(float* c, Vector256<float> v0, Vector256<float> v1, bool overwrite)
    {
        if (!overwrite) { v0 += Vector256.Load(c); v1 += Vector256.Load(c + 8); }
        v0.Store(c); v1.Store(c + 8);
    }

    /// <summary>Portable scalar fallback: C[4×4] (+)= Σ_p a[p][0..4) ⊗ b[p][0..4).</summary>
    private static void Kernel4x4(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        Span<float> acc = stackalloc float[16];
        for (int p = 0; p < kc; p++, a += 4, b += 4)
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++) acc[i * 4 + j] += a[i] * b[j];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) c[i * ldc + j] = overwrite ? acc[i * 4 + j] : c[i * ldc + j] + acc[i * 4 + j];
    }
}
