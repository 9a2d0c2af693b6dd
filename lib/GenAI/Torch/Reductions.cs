using System.Numerics.Tensors;

namespace GenAI.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        // Reductions view the (contiguous) input as [outer, n, inner] around the reduced dimension.
        private (int outer, int n, int inner) Split(int d)
        {
            int outer = 1, inner = 1;
            for (int i = 0; i < d; i++) outer *= sh[i];
            for (int i = d + 1; i < sh.Length; i++) inner *= sh[i];
            return (outer, sh[d], inner);
        }

        private int[] KeepDimShape(int d) { var s = (int[])sh.Clone(); s[d] = 1; return s; }

        private int[] DropDimShape(int d) => sh.Where((_, k) => k != d).ToArray();

        /// <summary>Sum of all elements (a 0-dim tensor). Int/bool tensors sum to int64.</summary>
        // No dtype parameter here: with one, x.sum(0) would bind the literal 0 to the enum instead of dim 0.
        public Tensor sum()
        {
            var x = contiguous();
            if (!IsFloat)
            {
                long s = 0;
                foreach (var v in x.LongSpan) s += v;
                return FromArray([s], []);
            }
            var r = FromArray([TensorPrimitives.Sum(x.Span)], []);
            if (NeedsGrad(this)) { var inShape = size(); Record(r, "SumBackward0", [this], g => [g.expand(inShape)]); }
            return r;
        }

        public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => sum([dim], keepdim, type);

        public Tensor sum(long dim0, long dim1, bool keepdim = false, ScalarType? type = null) => sum([dim0, dim1], keepdim, type);

        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null)
        {
            if (!IsFloat) return to_type(ScalarType.Float32).sum(dim, keepdim).to_type(ScalarType.Int64);
            var dims = dim.Select(d => Shape.Dim(d, sh.Length)).Distinct().OrderByDescending(d => d).ToArray();
            var x = contiguous();
            Tensor acc = x;
            foreach (var d in dims) acc = acc.SumDimRaw(d);
            var keptShape = acc.sh;
            var r = keepdim ? acc : acc.ReshapeRaw(sh.Where((_, k) => !dims.Contains(k)).ToArray());
            if (ReferenceEquals(r, x)) r = x.CopyToNew();
            if (NeedsGrad(this))
            {
                var inShape = size();
                var kept = Shape.ToLong(keptShape);
                Record(r, "SumBackward1", [this], g => [g.reshape(kept).expand(inShape)]);
            }
            return r;
        }

        /// <summary>Sum over dimension d keeping it as size 1; no graph. Input must be contiguous float.</summary>
        internal Tensor SumDimRaw(int d)
        {
            var (outer, n, inner) = Split(d);
            var r = Empty(KeepDimShape(d));
            var src = Span; var dst = r.Span;
            if (inner == 1)
                for (int o = 0; o < outer; o++) dst[o] = TensorPrimitives.Sum(src.Slice(o * n, n));
            else
                for (int o = 0; o < outer; o++)
                {
                    var row = dst.Slice(o * inner, inner);
                    src.Slice(o * n * inner, inner).CopyTo(row);
                    for (int k = 1; k < n; k++) TensorPrimitives.Add(row, src.Slice((o * n + k) * inner, inner), row);
                }
            return r;
        }

        internal Tensor ReshapeRaw(int[] shape) => new(storage, offset, shape, Shape.ContiguousStrides(shape), type);

        public Tensor mean()
        {
            if (!IsFloat) throw new NotSupportedException("mean() braucht float32; wandle mit .to_type(torch.float32) um.");
            return sum().div(Math.Max(count, 1));
        }

        public Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null)
        {
            if (!IsFloat) throw new NotSupportedException("mean() braucht float32; wandle mit .to_type(torch.float32) um.");
            long n = 1;
            foreach (var d in dimensions.Select(d => Shape.Dim(d, sh.Length)).Distinct()) n *= sh[d];
            return sum(dimensions, keepdim).div(Math.Max(n, 1));
        }

        public Tensor mean(long dim, bool keepdim = false, ScalarType? type = null) => mean([dim], keepdim, type);

        /// <summary>Variance with Bessel's correction when <paramref name="unbiased"/> (PyTorch's default).</summary>
        public Tensor var(bool unbiased = true)
        {
            var d = sub(mean());
            return d.mul(d).sum().div(Math.Max(count - (unbiased ? 1 : 0), 1));
        }

        public Tensor var(long dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => var([dim], unbiased, keepdim, type);

        public Tensor var(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null)
        {
            long n = 1;
            foreach (var d in dimensions.Select(d => Shape.Dim(d, sh.Length)).Distinct()) n *= sh[d];
            var diff = sub(mean(dimensions, keepdim: true));
            return diff.mul(diff).sum(dimensions, keepdim).div(Math.Max(n - (unbiased ? 1 : 0), 1));
        }

        public Tensor std(bool unbiased = true) => var(unbiased).sqrt();

        public Tensor std(long dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => var(dim, unbiased, keepdim).sqrt();

        /// <summary>Largest element (0-dim); the gradient goes to the first maximal element.</summary>
        public Tensor max() => ExtremeAll(true);

        public Tensor min() => ExtremeAll(false);

        private Tensor ExtremeAll(bool isMax)
        {
            if (count == 0) throw new InvalidOperationException("max()/min() eines leeren Tensors ist nicht definiert.");
            var x = contiguous();
            if (!IsFloat)
            {
                var ls = x.LongSpan;
                long best = ls[0];
                foreach (var v in ls) best = isMax ? Math.Max(best, v) : Math.Min(best, v);
                return FromArray([best], [], type);
            }
            int idx = isMax ? TensorPrimitives.IndexOfMax(x.Span) : TensorPrimitives.IndexOfMin(x.Span);
            var r = FromArray([x.Span[idx]], []);
            if (NeedsGrad(this))
                Record(r, isMax ? "MaxBackward1" : "MinBackward1", [this], g =>
                {
                    var z = zeros(size());
                    using (no_grad()) z.reshape(-1).narrow(0, idx, 1).copy_(g.reshape(1));
                    return [z];
                });
            return r;
        }

        /// <summary>Maximum over <paramref name="dim"/> and where it is (first occurrence).</summary>
        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => Extreme(dim, keepdim, true);

        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => Extreme(dim, keepdim, false);

        public Tensor max(Tensor other) => maximum(other);

        public Tensor min(Tensor other) => minimum(other);

        public Tensor amax(long dim, bool keepdim = false) => max(dim, keepdim).values;

        public Tensor amin(long dim, bool keepdim = false) => min(dim, keepdim).values;

        private (Tensor values, Tensor indexes) Extreme(long dim, bool keepdim, bool isMax)
        {
            int d = Shape.Dim(dim, sh.Length);
            if (sh.Length == 0) return (clone(), zeros_like(this, ScalarType.Int64));
            var x = (IsFloat ? this : to_type(ScalarType.Float32)).contiguous();
            var (outer, n, inner) = Split(d);
            if (n == 0) throw new InvalidOperationException($"max/min über die leere Dimension {d} ist nicht definiert.");
            var vals = Empty(KeepDimShape(d));
            var idxs = EmptyLong(KeepDimShape(d));
            var src = x.Span; var vs = vals.Span; var ix = idxs.LongSpan;
            for (int o = 0; o < outer; o++)
            {
                if (inner == 1)
                {
                    var row = src.Slice(o * n, n);
                    int k = isMax ? TensorPrimitives.IndexOfMax(row) : TensorPrimitives.IndexOfMin(row);
                    vs[o] = row[k]; ix[o] = k;
                    continue;
                }
                for (int j = 0; j < inner; j++)
                {
                    int bestK = 0; float best = src[o * n * inner + j];
                    for (int k = 1; k < n; k++)
                    {
                        float v = src[(o * n + k) * inner + j];
                        if (isMax ? v > best || float.IsNaN(v) && !float.IsNaN(best) : v < best || float.IsNaN(v) && !float.IsNaN(best)) { best = v; bestK = k; }
                    }
                    vs[o * inner + j] = best; ix[o * inner + j] = bestK;
                }
            }
            var outShape = keepdim ? KeepDimShape(d) : DropDimShape(d);
            var values = vals.ReshapeRaw(outShape);
            var indexes = idxs.ReshapeRaw(outShape);
            if (!IsFloat) values = values.to_type(type);
            else if (NeedsGrad(this))
            {
                var kept = Shape.ToLong(KeepDimShape(d));
                var inShape = size();
                Record(values, isMax ? "MaxBackward0" : "MinBackward0", [this], g =>
                    [zeros(inShape).scatter(d, idxs, g.reshape(kept))]);
            }
            return (values, indexes);
        }

        public Tensor argmax() => reshape(-1).max(0).indexes;

        public Tensor argmax(long dim, bool keepdim = false) => max(dim, keepdim).indexes;

        public Tensor argmin() => reshape(-1).min(0).indexes;

        public Tensor argmin(long dim, bool keepdim = false) => min(dim, keepdim).indexes;

        /// <summary>log Σ exp(x) over <paramref name="dim"/>, shifted by the maximum for stability.</summary>
        public Tensor logsumexp(long dim, bool keepdim = false)
        {
            var m = max(dim, keepdim: true).values.detach();
            var r = sub(m).exp().sum(dim, keepdim: true).log().add(m);
            return keepdim ? r : r.squeeze(dim);
        }

        public Tensor prod()
        {
            var r = FromArray([TensorPrimitives.Product(contiguous().Span)], []);
            if (NeedsGrad(this)) Record(r, "ProdBackward0", [this], g => [g.expand(size()).mul(r.detach()).div(this.detach())]);
            return r;
        }

        public Tensor all() => FromArray([contiguous().to_type(ScalarType.Bool).LongSpan.IndexOf(0) < 0 ? 1L : 0L], [], ScalarType.Bool);

        public Tensor any() => FromArray([contiguous().to_type(ScalarType.Bool).LongSpan.IndexOf(1) >= 0 ? 1L : 0L], [], ScalarType.Bool);
    }

    public static Tensor sum(Tensor input) => input.sum();
    public static Tensor sum(Tensor input, long dim, bool keepdim = false) => input.sum(dim, keepdim);
    public static Tensor mean(Tensor input) => input.mean();
    public static Tensor mean(Tensor input, long dim, bool keepdim = false) => input.mean(dim, keepdim);
    public static Tensor max(Tensor input) => input.max();
    public static (Tensor values, Tensor indexes) max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
    public static Tensor min(Tensor input) => input.min();
    public static (Tensor values, Tensor indexes) min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
    public static Tensor argmax(Tensor input) => input.argmax();
    public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);
    public static Tensor argmin(Tensor input, long dim, bool keepdim = false) => input.argmin(dim, keepdim);
    public static Tensor var(Tensor input, long dim, bool unbiased = true, bool keepdim = false) => input.var(dim, unbiased, keepdim);
    public static Tensor std(Tensor input, long dim, bool unbiased = true, bool keepdim = false) => input.std(dim, unbiased, keepdim);
    public static Tensor logsumexp(Tensor input, long dim, bool keepdim = false) => input.logsumexp(dim, keepdim);
}
