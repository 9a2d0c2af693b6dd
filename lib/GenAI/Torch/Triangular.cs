namespace GenAI.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Upper triangle of the last two dims: keeps [i, j] with j − i ≥ diagonal, zeroes the rest.</summary>
        public Tensor triu(long diagonal = 0) => mul(TriangleMask(upper: true, diagonal));

        /// <summary>Lower triangle of the last two dims: keeps [i, j] with j − i ≤ diagonal (the causal-attention mask).</summary>
        public Tensor tril(long diagonal = 0) => mul(TriangleMask(upper: false, diagonal));

        private Tensor TriangleMask(bool upper, long diagonal)
        {
            if (sh.Length < 2) throw new ArgumentException("triu/tril brauchen mindestens 2 Dimensionen.");
            int rows = sh[^2], cols = sh[^1];
            var m = Empty([rows, cols]);
            var s = m.Span;
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    s[i * cols + j] = (upper ? j - i >= diagonal : j - i <= diagonal) ? 1 : 0;
            return IsFloat ? m : m.to_type(type);
        }
    }

    public partial class Tensor
    {
        /// <summary>Reverses the order of elements along each of <paramref name="dims"/> (a copy, as in PyTorch).</summary>
        public Tensor flip(params long[] dims)
        {
            var r = this;
            foreach (var d in dims)
            {
                int dd = Shape.Dim(d, sh.Length);
                r = r.index_select(dd, arange(sh[dd] - 1, -1, -1));
            }
            return r;
        }
    }

    public static Tensor flip(Tensor input, params long[] dims) => input.flip(dims);

    public static Tensor triu(Tensor input, long diagonal = 0) => input.triu(diagonal);
    public static Tensor tril(Tensor input, long diagonal = 0) => input.tril(diagonal);
}
