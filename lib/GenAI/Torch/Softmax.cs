using System.Numerics.Tensors;

namespace GenAI.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>softmax(x)_i = exp(x_i − max x) / Σ_j exp(x_j − max x) along <paramref name="dim"/>.</summary>
        public Tensor softmax(long dim, ScalarType? dtype = null) => SoftmaxImpl(dim, log: false);

        /// <summary>log_softmax(x)_i = x_i − max x − log Σ_j exp(x_j − max x) along <paramref name="dim"/>.</summary>
        public Tensor log_softmax(long dim, ScalarType? dtype = null) => SoftmaxImpl(dim, log: true);

        private Tensor SoftmaxImpl(long dim, bool log)
        {
            RequireFloat(log ? "log_softmax" : "softmax");
            if (sh.Length == 0) return log ? zeros_like(this) : ones_like(this);
            int d = Shape.Dim(dim, sh.Length);
            // Work on a layout where the softmax dimension is last and contiguous.
            var moved = d == sh.Length - 1 ? contiguous() : transpose(d, -1).contiguous();
            int n = moved.sh[^1], rows = n == 0 ? 0 : moved.count / n;
            var y = Empty(moved.sh);
            var src = moved.Span; var dst = y.Span;
            for (int r = 0; r < rows; r++)
            {
                var x = src.Slice(r * n, n); var o = dst.Slice(r * n, n);
                float max = TensorPrimitives.Max(x);
                TensorPrimitives.Subtract(x, max, o);
                if (log)
                {
                    // log Σ exp(x − max), then subtract it.
                    float lse = 0;
                    foreach (var v in o) lse += MathF.Exp(v);
                    TensorPrimitives.Subtract(o, MathF.Log(lse), o);
                }
                else
                {
                    TensorPrimitives.Exp(o, o);
                    TensorPrimitives.Divide(o, TensorPrimitives.Sum(o), o);
                }
            }
            var result = d == sh.Length - 1 ? y : y.transpose(d, -1);
            if (NeedsGrad(this))
            {
                var yd = result.detach();
                // softmax:     dx = y ⊙ (g − Σ g⊙y)
                // log_softmax: dx = g − exp(y) ⊙ Σ g
                Record(result, log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", [this], g => log
                    ? [g.sub(yd.exp().mul(g.sum(d, keepdim: true)))]
                    : [yd.mul(g.sub(g.mul(yd).sum(d, keepdim: true)))]);
            }
            return result;
        }
    }

    public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
    public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);
}
