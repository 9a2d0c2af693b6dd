namespace GenAI.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Matrix product of two 2-D tensors: [m, k] @ [k, n] → [m, n].</summary>
        public Tensor mm(Tensor mat2)
        {
            if (sh.Length != 2 || mat2.sh.Length != 2)
                throw new ArgumentException($"mm erwartet zwei Matrizen (2-D), bekam {Shape.Format(sh)} und {Shape.Format(mat2.sh)}; für Stapel nimm matmul oder bmm.");
            if (sh[1] != mat2.sh[0])
                throw new ArgumentException($"mm: die Formen {Shape.Format(sh)} und {Shape.Format(mat2.sh)} passen nicht ({sh[1]} ≠ {mat2.sh[0]}).");
            RequireFloat("mm"); mat2.RequireFloat("mm");
            int m = sh[0], k = sh[1], n = mat2.sh[1];
            var r = Empty([m, n]);
            Gemm.Sgemm(m, n, k, F, offset, st[0], st[1], mat2.F, mat2.offset, mat2.st[0], mat2.st[1], r.F, 0, n, false);
            if (NeedsGrad(this, mat2))
            {
                var a = this; var b = mat2;
                // dA = dC·Bᵀ [m,n]@[n,k]; dB = Aᵀ·dC [k,m]@[m,n]
                Record(r, "MmBackward0", [a, b], g => [a.requires_grad ? g.mm(b.t()) : null, b.requires_grad ? a.t().mm(g) : null]);
            }
            return r;
        }

        /// <summary>Batched matrix product: [b, m, k] @ [b, k, n] → [b, m, n].</summary>
        public Tensor bmm(Tensor batch2)
        {
            if (sh.Length != 3 || batch2.sh.Length != 3 || sh[0] != batch2.sh[0] || sh[2] != batch2.sh[1])
                throw new ArgumentException($"bmm erwartet [b, m, k] und [b, k, n], bekam {Shape.Format(sh)} und {Shape.Format(batch2.sh)}.");
            RequireFloat("bmm"); batch2.RequireFloat("bmm");
            int bs = sh[0], m = sh[1], k = sh[2], n = batch2.sh[2];
            var r = Empty([bs, m, n]);
            for (int i = 0; i < bs; i++)
                Gemm.Sgemm(m, n, k, F, offset + i * st[0], st[1], st[2], batch2.F, batch2.offset + i * batch2.st[0], batch2.st[1], batch2.st[2],
                           r.F, i * m * n, n, false);
            if (NeedsGrad(this, batch2))
            {
                var a = this; var b = batch2;
                Record(r, "BmmBackward0", [a, b], g => [a.requires_grad ? g.bmm(b.transpose(1, 2)) : null, b.requires_grad ? a.transpose(1, 2).bmm(g) : null]);
            }
            return r;
        }

        /// <summary>PyTorch's matmul: dot, matrix-vector, matrix-matrix or broadcast batched product by rank.</summary>
        public Tensor matmul(Tensor target)
        {
            var a = this; var b = target;
            if (a.sh.Length == 0 || b.sh.Length == 0) throw new ArgumentException("matmul braucht mindestens 1-D Tensoren; für Skalare nimm *.");
            if (a.sh.Length == 1 && b.sh.Length == 1) return a.mul(b).sum();
            if (a.sh.Length == 2 && b.sh.Length == 2) return a.mm(b);
            if (a.sh.Length == 1) return a.unsqueeze(0).matmul(b).squeeze(-2);
            if (b.sh.Length == 1) return a.matmul(b.unsqueeze(-1)).squeeze(-1);
            if (b.sh.Length == 2)
            {
                // [..., m, k] @ [k, n]: fold the batch into rows, one big GEMM.
                var lead = a.sh[..^1];
                var r2 = a.reshape(-1, a.sh[^1]).mm(b);
                return r2.reshape([.. lead.Select(x => (long)x), b.sh[1]]);
            }
            var batchA = a.sh[..^2]; var batchB = b.sh[..^2];
            var batch = Shape.Broadcast(batchA, batchB);
            int m = a.sh[^2], k = a.sh[^1], n = b.sh[^1];
            var bl = batch.Select(x => (long)x).ToArray();
            var ea = a.expand([.. bl, m, k]).reshape(-1, m, k);
            var eb = b.expand([.. bl, k, n]).reshape(-1, k, n);
            return ea.bmm(eb).reshape([.. bl, m, n]);
        }

        public Tensor dot(Tensor other) => mul(other).sum();

        public Tensor outer(Tensor vec2) => reshape(-1, 1).mm(vec2.reshape(1, -1));
    }

    public static Tensor matmul(Tensor input, Tensor target) => input.matmul(target);
    public static Tensor mm(Tensor input, Tensor target) => input.mm(target);
    public static Tensor bmm(Tensor input, Tensor batch2) => input.bmm(batch2);
    public static Tensor dot(Tensor input, Tensor other) => input.dot(other);
    public static Tensor outer(Tensor input, Tensor vec2) => input.outer(vec2);

    /// <summary>input·β + (mat1 @ mat2)·α, PyTorch's fused affine map (what nn.Linear computes with mat2 = Wᵀ).</summary>
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2, float beta = 1, float alpha = 1)
    {
        var p = mat1.mm(mat2);
        if (alpha != 1) p = p.mul(alpha);
        return beta == 0 ? p : p.add(beta == 1 ? input : input.mul(beta));
    }
}
