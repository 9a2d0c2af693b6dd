using System.Numerics.Tensors;

namespace GenAI.Torch;

/// <summary>
/// Single-precision matrix multiply C[m×n] (+)= A[m×k]·B[k×n] on strided operands, so transposed
/// views (the backward pass's Aᵀ and Bᵀ) need no copy.
/// </summary>
internal static partial class Gemm
{
    internal static void Sgemm(int m, int n, int k,
        float[] a, int aOff, int aRs, int aCs,
        float[] b, int bOff, int bRs, int bCs,
        float[] c, int cOff, int ldc, bool accumulate)
    {
        if (m == 0 || n == 0) return;
        if (!accumulate)
            for (int i = 0; i < m; i++) c.AsSpan(cOff + i * ldc, n).Clear();
        if (k == 0) return;
        SgemmSimple(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc);
    }

    /// <summary>Row-wise axpy form: C[i,:] += A[i,p]·B[p,:]; B is made row-contiguous first.</summary>
    private static void SgemmSimple(int m, int n, int k,
        float[] a, int aOff, int aRs, int aCs,
        float[] b, int bOff, int bRs, int bCs,
        float[] c, int cOff, int ldc)
    {
        float[] bb = b; int bo = bOff, brs = bRs;
        if (bCs != 1)
        {
            bb = new float[k * n];
            Strided.Copy(b, bOff, [k, n], [bRs, bCs], bb);
            bo = 0; brs = n;
        }
        for (int i = 0; i < m; i++)
        {
            var row = c.AsSpan(cOff + i * ldc, n);
            for (int p = 0; p < k; p++)
            {
                float av = a[aOff + i * aRs + p * aCs];
                if (av == 0) continue;
                TensorPrimitives.MultiplyAdd(bb.AsSpan(bo + p * brs, n), av, row, row);
            }
        }
    }
}
