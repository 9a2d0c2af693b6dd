using GenAI.Torch;
using static GenAI.Torch.torch;

namespace GenAI.Tests.Torch;

public class GemmTests
{
    private static double[] Naive(int m, int n, int k, float[] a, int aRs, int aCs, float[] b, int bRs, int bCs)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += (double)a[i * aRs + p * aCs] * b[p * bRs + j * bCs];
                c[i * n + j] = s;
            }
        return c;
    }

    [TestCase(1, 1, 1, false, false)]
    [TestCase(7, 5, 3, false, false)]
    [TestCase(37, 45, 300, true, false)]
    [TestCase(128, 400, 784, false, true)]
    [TestCase(65, 33, 257, true, true)]
    [TestCase(9, 520, 17, false, false)]
    public void Blocked_gemm_matches_a_naive_triple_loop_for_any_strides(int m, int n, int k, bool transA, bool transB)
    {
        var g = new Generator((ulong)(m * 31 + n * 7 + k));
        var a = randn([m * k], generator: g).ToArray<float>();
        var b = randn([k * n], generator: g).ToArray<float>();
        int aRs = transA ? 1 : k, aCs = transA ? m : 1;
        int bRs = transB ? 1 : n, bCs = transB ? k : 1;
        var expected = Naive(m, n, k, a, aRs, aCs, b, bRs, bCs);
        foreach (int threads in new[] { 1, 2 })
        {
            set_num_threads(threads);
            var c = Enumerable.Repeat(5f, m * n + 3).ToArray();
            Gemm.Sgemm(m, n, k, a, 0, aRs, aCs, b, 0, bRs, bCs, c, 0, n, accumulate: false);
            var acc = Enumerable.Repeat(1f, m * n).ToArray();
            Gemm.Sgemm(m, n, k, a, 0, aRs, aCs, b, 0, bRs, bCs, acc, 0, n, accumulate: true);
            for (int i = 0; i < m * n; i++)
            {
                Assert.That(c[i], Is.EqualTo(expected[i]).Within(1e-4 * Math.Sqrt(k) + 1e-4 * Math.Abs(expected[i])), $"threads {threads}, element {i}");
                Assert.That(acc[i], Is.EqualTo(expected[i] + 1).Within(1e-4 * Math.Sqrt(k) + 1e-4 * Math.Abs(expected[i])));
            }
            Assert.That(c[^1], Is.EqualTo(5f), "nothing written past C");
        }
        set_num_threads(Environment.ProcessorCount);
    }
}
