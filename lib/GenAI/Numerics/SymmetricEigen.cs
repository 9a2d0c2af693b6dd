namespace GenAI.Numerics;

/// <summary>
/// Eigenvalues and eigenvectors of a real symmetric matrix. Small matrices: cyclic Jacobi rotations
/// (Golub &amp; Van Loan, Matrix Computations, 4th ed., §8.5), which finds all pairs to machine precision.
/// Large matrices, when only the top few are needed: orthogonal (subspace) iteration with a
/// Rayleigh–Ritz step (ibid. §8.2.4) solved by Jacobi on the small projected matrix.
/// </summary>
internal static class SymmetricEigen
{
    /// <summary>The <paramref name="count"/> largest eigenpairs, eigenvalues descending; vectors as rows, shape [count, n].</summary>
    public static (double[] Values, double[,] Vectors) Top(double[,] a, int count, bool forceIteration = false)
    {
        int n = a.GetLength(0);
        if (n <= 160 && !forceIteration)
        {
            var (values, vectors) = Jacobi(a);
            return Select(values, vectors, count);
        }
        return Subspace(a, count);
    }

    private static (double[] Values, double[,] Vectors) Select(double[] values, double[,] columns, int count)
    {
        int n = values.Length;
        var order = Enumerable.Range(0, n).OrderByDescending(i => values[i]).Take(count).ToArray();
        var vectors = new double[count, columns.GetLength(0)];
        for (int k = 0; k < count; k++)
            for (int i = 0; i < columns.GetLength(0); i++) vectors[k, i] = columns[i, order[k]];
        return ([.. order.Select(i => values[i])], vectors);
    }

    /// <summary>All eigenpairs; eigenvectors are the COLUMNS of the returned matrix, shape [n, n].</summary>
    public static (double[] Values, double[,] Vectors) Jacobi(double[,] input)
    {
        int n = input.GetLength(0);
        var a = (double[,])input.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, total = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) { double s = a[i, j] * a[i, j]; total += s; if (i != j) off += s; }
            if (off <= 1e-30 * Math.Max(total, 1e-300)) break;
            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300) continue;
                    // Rotation angle that zeroes a[p,q] (Golub & Van Loan Alg. 8.5.1, symmetric Schur decomposition).
                    double tau = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(tau == 0 ? 1 : tau) / (Math.Abs(tau) + Math.Sqrt(1 + tau * tau));
                    double c = 1 / Math.Sqrt(1 + t * t), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i, i];
        return (values, v);
    }

    private static (double[] Values, double[,] Vectors) Subspace(double[,] a, int count)
    {
        int n = a.GetLength(0), m = Math.Min(n, count + 6);
        var q = new double[n, m];
        // Deterministic start: a fixed pseudo-random basis (64-bit LCG), so results never depend on a seed.
        ulong state = 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) { state = state * 6364136223846793005UL + 1442695040888963407UL; q[i, j] = (state >> 11) * (1.0 / (1UL << 53)) - 0.5; }
        Orthonormalize(q);
        double[] previous = new double[count];
        for (int iteration = 0; iteration < 500; iteration++)
        {
            q = Multiply(a, q);          // [n, m] = [n, n]·[n, m]
            Orthonormalize(q);
            if (iteration % 5 != 4) continue;
            var (values, _) = RayleighRitz(a, q, count);
            bool converged = true;
            for (int k = 0; k < count; k++) converged &= Math.Abs(values[k] - previous[k]) <= 1e-12 * Math.Max(1, Math.Abs(values[k]));
            previous = values;
            if (converged) break;
        }
        return RayleighRitz(a, q, count);
    }

    private static (double[] Values, double[,] Vectors) RayleighRitz(double[,] a, double[,] q, int count)
    {
        int n = q.GetLength(0), m = q.GetLength(1);
        var aq = Multiply(a, q);
        var small = new double[m, m]; // Qᵀ A Q, [m, m]
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) { double s = 0; for (int k = 0; k < n; k++) s += q[k, i] * aq[k, j]; small[i, j] = s; }
        var (values, w) = Jacobi(small);
        var (top, rows) = Select(values, w, count);
        var vectors = new double[count, n]; // back to n dimensions: Q w
        for (int c = 0; c < count; c++)
            for (int i = 0; i < n; i++) { double s = 0; for (int j = 0; j < m; j++) s += q[i, j] * rows[c, j]; vectors[c, i] = s; }
        return (top, vectors);
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), inner = a.GetLength(1), m = b.GetLength(1);
        // Work on transposed copies so every inner product runs over contiguous memory (TensorPrimitives.Dot, SIMD).
        var rows = new double[n * inner];
        for (int i = 0; i < n; i++) for (int k = 0; k < inner; k++) rows[i * inner + k] = a[i, k];
        var columns = new double[m * inner];
        for (int k = 0; k < inner; k++) for (int j = 0; j < m; j++) columns[j * inner + k] = b[k, j];
        var result = new double[n, m];
        for (int i = 0; i < n; i++)
        {
            var ai = rows.AsSpan(i * inner, inner);
            for (int j = 0; j < m; j++) result[i, j] = System.Numerics.Tensors.TensorPrimitives.Dot(ai, columns.AsSpan(j * inner, inner));
        }
        return result;
    }

    /// <summary>
    /// Modified Gram–Schmidt on the columns, in place. A column that collapses (A has lower rank than the
    /// subspace) is replaced by a unit vector and orthogonalised again, so Q stays orthonormal.
    /// </summary>
    private static void Orthonormalize(double[,] q)
    {
        int n = q.GetLength(0), m = q.GetLength(1);
        for (int j = 0; j < m; j++)
        {
            double before = 0;
            for (int i = 0; i < n; i++) before += q[i, j] * q[i, j];
            for (int attempt = 0; attempt <= n; attempt++)
            {
                for (int pass = 0; pass < 2; pass++) // re-orthogonalise once: "twice is enough" (Giraud et al. 2005)
                    for (int p = 0; p < j; p++)
                    {
                        double dot = 0;
                        for (int i = 0; i < n; i++) dot += q[i, p] * q[i, j];
                        for (int i = 0; i < n; i++) q[i, j] -= dot * q[i, p];
                    }
                double norm = 0;
                for (int i = 0; i < n; i++) norm += q[i, j] * q[i, j];
                if (norm > 1e-20 * Math.Max(before, 1e-300) && norm > 1e-280)
                {
                    norm = Math.Sqrt(norm);
                    for (int i = 0; i < n; i++) q[i, j] /= norm;
                    break;
                }
                for (int i = 0; i < n; i++) q[i, j] = i == (j + attempt) % n ? 1 : 0;
                before = 1;
            }
        }
    }
}
