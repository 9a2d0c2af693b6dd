namespace GenAI.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        private static void RequireIndex(Tensor index, string op)
        {
            if (index.IsFloat)
                throw new ArgumentException($"{op}: der Index muss ein int64-Tensor sein (z. B. torch.tensor(new long[] {{ ... }})), nicht float32.");
        }

        /// <summary>Rows (or slices along <paramref name="dim"/>) picked by a 1-D int64 index.</summary>
        public Tensor index_select(long dim, Tensor index)
        {
            RequireIndex(index, "index_select");
            int d = Shape.Dim(dim, sh.Length);
            var idx = index.reshape(-1).contiguous().LongSpan.ToArray();
            var x = contiguous();
            var (outer, n, inner) = Split(d);
            var outShape = (int[])sh.Clone(); outShape[d] = idx.Length;
            foreach (var i in idx)
                if (i < -n || i >= n) throw new IndexOutOfRangeException($"index_select: Index {i} liegt außerhalb von Dimension {d} der Größe {n}.");
            Tensor r;
            if (IsFloat)
            {
                r = Empty(outShape);
                var src = x.Span; var dst = r.Span;
                for (int o = 0; o < outer; o++)
                    for (int k = 0; k < idx.Length; k++)
                    {
                        long i = idx[k] < 0 ? idx[k] + n : idx[k];
                        src.Slice((o * n + (int)i) * inner, inner).CopyTo(dst.Slice((o * idx.Length + k) * inner, inner));
                    }
            }
            else
            {
                r = EmptyLong(outShape, type);
                var src = x.LongSpan; var dst = r.LongSpan;
                for (int o = 0; o < outer; o++)
                    for (int k = 0; k < idx.Length; k++)
                    {
                        long i = idx[k] < 0 ? idx[k] + n : idx[k];
                        src.Slice((o * n + (int)i) * inner, inner).CopyTo(dst.Slice((o * idx.Length + k) * inner, inner));
                    }
            }
            if (NeedsGrad(this))
            {
                var inShape = size();
                Record(r, "IndexSelectBackward0", [this], g => [zeros(inShape).index_add(d, index, g)]);
            }
            return r;
        }

        /// <summary>out = this, then out.select(dim, index[k]) += source.select(dim, k).</summary>
        public Tensor index_add(long dim, Tensor index, Tensor source, Scalar? alpha = null)
        {
            RequireIndex(index, "index_add");
            int d = Shape.Dim(dim, sh.Length);
            var idx = index.reshape(-1).contiguous().LongSpan.ToArray();
            var r = CopyToNew();
            var s = source.contiguous();
            if (alpha is { } a && a.Value != 1) s = s.mul(a).contiguous();
            var (outer, n, inner) = Split(d);
            var dst = r.Span; var src = s.Span;
            for (int o = 0; o < outer; o++)
                for (int k = 0; k < idx.Length; k++)
                {
                    long i = idx[k] < 0 ? idx[k] + n : idx[k];
                    var row = dst.Slice((o * n + (int)i) * inner, inner);
                    System.Numerics.Tensors.TensorPrimitives.Add(row, src.Slice((o * idx.Length + k) * inner, inner), row);
                }
            if (NeedsGrad(this, source))
                Record(r, "IndexAddBackward0", [this, source], g => [g, source.requires_grad ? g.index_select(d, index) : null]);
            return r;
        }

        /// <summary>out[i][j] = this[i][index[i][j]] for dim = 1 (and analogously for other dims).</summary>
        public Tensor gather(long dim, Tensor index)
        {
            RequireIndex(index, "gather");
            int d = Shape.Dim(dim, sh.Length);
            if (index.sh.Length != sh.Length)
                throw new ArgumentException($"gather: der Index braucht {sh.Length} Dimensionen wie die Eingabe, hat aber {index.sh.Length}.");
            var x = (IsFloat ? this : to_type(ScalarType.Float32)).contiguous();
            var ix = index.contiguous();
            var r = Empty(index.sh);
            var src = x.Span; var ids = ix.LongSpan; var dst = r.Span;
            var strides = Shape.ContiguousStrides(sh);
            Span<int> pos = stackalloc int[sh.Length];
            for (int e = 0; e < dst.Length; e++)
            {
                int rem = e, off = 0;
                for (int k = sh.Length - 1; k >= 0; k--) { pos[k] = rem % index.sh[k]; rem /= index.sh[k]; }
                for (int k = 0; k < sh.Length; k++)
                {
                    int p = pos[k];
                    if (k == d)
                    {
                        long i = ids[e];
                        if (i < 0) i += sh[d];
                        if (i < 0 || i >= sh[d]) throw new IndexOutOfRangeException($"gather: Index {ids[e]} liegt außerhalb von Dimension {d} der Größe {sh[d]}.");
                        p = (int)i;
                    }
                    else if (p >= sh[k]) throw new ArgumentException($"gather: Index-Form {Shape.Format(index.sh)} ist größer als die Eingabe {Shape.Format(sh)} in Dimension {k}.");
                    off += p * strides[k];
                }
                dst[e] = src[off];
            }
            if (!IsFloat) return r.to_type(type);
            if (NeedsGrad(this)) { var inShape = size(); Record(r, "GatherBackward0", [this], g => [zeros(inShape).scatter_add(d, index, g)]); }
            return r;
        }

        /// <summary>Copy of this with this[index[i][j]][j] = src[i][j] for dim = 0 (out-of-place scatter).</summary>
        public Tensor scatter(long dim, Tensor index, Tensor src) => Scatter(dim, index, src, accumulate: false);

        public Tensor scatter_add(long dim, Tensor index, Tensor src) => Scatter(dim, index, src, accumulate: true);

        private Tensor Scatter(long dim, Tensor index, Tensor src, bool accumulate)
        {
            RequireIndex(index, "scatter");
            int d = Shape.Dim(dim, sh.Length);
            var r = CopyToNew();
            var ix = index.contiguous();
            var s = src.contiguous();
            var dst = r.Span; var ids = ix.LongSpan; var sv = s.Span;
            var strides = Shape.ContiguousStrides(sh);
            var sStrides = Shape.ContiguousStrides(s.sh);
            Span<int> pos = stackalloc int[sh.Length];
            for (int e = 0; e < ids.Length; e++)
            {
                int rem = e, off = 0, soff = 0;
                for (int k = sh.Length - 1; k >= 0; k--) { pos[k] = rem % index.sh[k]; rem /= index.sh[k]; }
                for (int k = 0; k < sh.Length; k++)
                {
                    soff += pos[k] * sStrides[k];
                    int p = pos[k];
                    if (k == d)
                    {
                        long i = ids[e]; if (i < 0) i += sh[d];
                        if (i < 0 || i >= sh[d]) throw new IndexOutOfRangeException($"scatter: Index {ids[e]} liegt außerhalb von Dimension {d} der Größe {sh[d]}.");
                        p = (int)i;
                    }
                    off += p * strides[k];
                }
                if (accumulate) dst[off] += sv[soff]; else dst[off] = sv[soff];
            }
            if (NeedsGrad(this, src))
                Record(r, accumulate ? "ScatterAddBackward0" : "ScatterBackward0", [this, src], g =>
                    [requires_grad ? (accumulate ? g : g.masked_fill(zeros(size()).scatter(d, index, ones(index.size())).gt(0), 0)) : null,
                     src.requires_grad ? g.gather(d, index) : null]);
            return r;
        }

        /// <summary>Copy with <paramref name="value"/> wherever the (broadcast) bool mask is true.</summary>
        public Tensor masked_fill(Tensor mask, Scalar value)
        {
            var m = mask.IsFloat ? mask.ne(0) : mask;
            if (!IsFloat) return where(m, full_like(this, value), this);
            var v = FromArray([value.ToSingle()], []);
            return where(m, v, this);
        }

        public Tensor masked_fill_(Tensor mask, Scalar value) { CheckInPlace("masked_fill_"); using (no_grad()) copy_(masked_fill(mask, value)); return this; }

        // ---- indexer: x[0], x[1, 2], x[.., 0], x[TensorIndex.Slice(1, 3)], x[mask] -----------

        public Tensor this[params long[] indices]
        {
            get
            {
                var r = this;
                foreach (var i in indices) r = r.select(0, i);
                return r;
            }
            set { using (no_grad()) this[indices.Select(i => (TensorIndex)i).ToArray()].copy_(value); }
        }

        public Tensor this[params TensorIndex[] indices]
        {
            get => Index(indices);
            set { CheckInPlace("Zuweisung per Index"); using (no_grad()) Index(indices).copy_(value); }
        }

        /// <summary>Boolean mask → 1-D tensor of the selected elements; int64 tensor → index_select on dim 0.</summary>
        public Tensor this[Tensor index]
        {
            get
            {
                if (index.dtype == ScalarType.Bool)
                {
                    var positions = nonzero_flat(index.expand(size()));
                    return reshape(-1).index_select(0, positions);
                }
                return index_select(0, index.reshape(-1)).reshape([.. index.shape, .. shape.Skip(1)]);
            }
        }

        private static Tensor nonzero_flat(Tensor mask)
        {
            var m = mask.contiguous().LongSpan;
            var list = new List<long>();
            for (int i = 0; i < m.Length; i++) if (m[i] != 0) list.Add(i);
            return FromArray(list.ToArray(), [list.Count]);
        }

        private Tensor Index(TensorIndex[] indices)
        {
            int specified = indices.Count(i => i.Kind is TensorIndex.IndexKind.Single or TensorIndex.IndexKind.Slice);
            if (specified > sh.Length)
                throw new IndexOutOfRangeException($"Zu viele Indizes ({specified}) für einen Tensor mit {sh.Length} Dimensionen.");
            var r = this;
            int dim = 0;
            foreach (var ix in indices)
            {
                switch (ix.Kind)
                {
                    case TensorIndex.IndexKind.Single:
                        r = r.select(dim, ix.Start ?? 0);
                        break;
                    case TensorIndex.IndexKind.Slice:
                        r = r.slice(dim, ix.Start ?? 0, ix.Stop ?? long.MaxValue / 2, ix.Step ?? 1);
                        dim++;
                        break;
                    case TensorIndex.IndexKind.None:
                        r = r.unsqueeze(dim);
                        dim++;
                        break;
                    case TensorIndex.IndexKind.Ellipsis:
                        dim += sh.Length - specified;
                        break;
                }
            }
            return r;
        }
    }

    /// <summary>Element of an index expression (TorchSharp: <c>TensorIndex</c>): a number, a slice, <c>..</c> or a new axis.</summary>
    public readonly struct TensorIndex
    {
        internal enum IndexKind { Single, Slice, Ellipsis, None }

        internal readonly IndexKind Kind;
        internal readonly long? Start, Stop, Step;

        private TensorIndex(IndexKind kind, long? start = null, long? stop = null, long? step = null)
        {
            Kind = kind; Start = start; Stop = stop; Step = step;
        }

        public static TensorIndex Single(long index) => new(IndexKind.Single, index);
        public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) => new(IndexKind.Slice, start, stop, step);
        public static readonly TensorIndex Ellipsis = new(IndexKind.Ellipsis);
        public static readonly TensorIndex Colon = new(IndexKind.Slice);
        public static readonly TensorIndex None = new(IndexKind.None);

        public static implicit operator TensorIndex(long index) => Single(index);
        public static implicit operator TensorIndex(int index) => Single(index);

        /// <summary><c>^1</c> is the last element.</summary>
        public static implicit operator TensorIndex(Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);

        /// <summary>C# ranges: <c>1..3</c> is a slice, <c>..</c> keeps a whole dimension, <c>^1</c> counts from the end.</summary>
        public static implicit operator TensorIndex(Range range)
        {
            long? start = range.Start.IsFromEnd ? -range.Start.Value : range.Start.Value;
            long? stop = range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value;
            return Slice(start, stop);
        }
    }

    /// <summary>Elementwise choice: x where condition is true, else y (all three broadcast).</summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y)
    {
        var shape = Shape.Broadcast(Shape.Broadcast(condition.sh, x.sh), y.sh);
        var ls = Shape.ToLong(shape);
        var c = (condition.dtype == ScalarType.Bool ? condition : condition.ne(0)).expand(ls).contiguous();
        var cs = c.LongSpan;
        Tensor r;
        if (!x.IsFloat && !y.IsFloat)
        {
            var xl = x.expand(ls).contiguous().LongSpan; var yl = y.expand(ls).contiguous().LongSpan;
            r = Tensor.EmptyLong(shape, x.dtype);
            var dl = r.LongSpan;
            for (int i = 0; i < dl.Length; i++) dl[i] = cs[i] != 0 ? xl[i] : yl[i];
            return r;
        }
        var xf = (x.IsFloat ? x : x.to_type(ScalarType.Float32)).expand(ls).contiguous();
        var yf = (y.IsFloat ? y : y.to_type(ScalarType.Float32)).expand(ls).contiguous();
        r = Tensor.Empty(shape);
        var d = r.Span; var xs = xf.Span; var ys = yf.Span;
        for (int i = 0; i < d.Length; i++) d[i] = cs[i] != 0 ? xs[i] : ys[i];
        if (NeedsGrad(x, y))
        {
            var mask = c.to_type(ScalarType.Float32);
            Record(r, "WhereBackward0", [x, y], g =>
                [x.requires_grad ? Tensor.SumTo(g.mul(mask), x.sh) : null,
                 y.requires_grad ? Tensor.SumTo(g.mul(mask.neg().add(1)), y.sh) : null]);
        }
        return r;
    }

    /// <summary>Joins tensors along an existing dimension.</summary>
    public static Tensor cat(IList<Tensor> tensors, long dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("cat braucht mindestens einen Tensor.");
        var first = tensors[0];
        int d = Shape.Dim(dim, first.sh.Length);
        var outShape = (int[])first.sh.Clone();
        outShape[d] = 0;
        foreach (var t in tensors)
        {
            if (t.sh.Length != first.sh.Length || Enumerable.Range(0, t.sh.Length).Any(k => k != d && t.sh[k] != first.sh[k]))
                throw new ArgumentException($"cat: Form {Shape.Format(t.sh)} passt nicht zu {Shape.Format(first.sh)} (nur Dimension {d} darf abweichen).");
            outShape[d] += t.sh[d];
        }
        bool isFloat = tensors.Any(t => t.IsFloat);
        var r = isFloat ? Tensor.Empty(outShape) : Tensor.EmptyLong(outShape, first.dtype);
        int at = 0;
        using (no_grad())
            foreach (var t in tensors)
            {
                r.narrow(d, at, t.sh[d]).copy_(t);
                at += t.sh[d];
            }
        if (isFloat && tensors.Any(t => t.requires_grad) && is_grad_enabled())
        {
            var parts = tensors.ToArray();
            Record(r, "CatBackward0", parts, g =>
            {
                var grads = new Tensor?[parts.Length];
                int s = 0;
                for (int i = 0; i < parts.Length; i++) { grads[i] = parts[i].requires_grad ? g.narrow(d, s, parts[i].sh[d]) : null; s += parts[i].sh[d]; }
                return grads;
            });
        }
        return r;
    }

    public static Tensor cat(Tensor[] tensors, long dim = 0) => cat((IList<Tensor>)tensors, dim);

    public static Tensor concat(IList<Tensor> tensors, long dim = 0) => cat(tensors, dim);

    /// <summary>Joins same-shaped tensors along a new dimension.</summary>
    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0)
    {
        var list = tensors.ToList();
        if (list.Count == 0) throw new ArgumentException("stack braucht mindestens einen Tensor.");
        int d = Shape.Dim(dim, list[0].sh.Length + 1);
        return cat(list.Select(t => t.unsqueeze(d)).ToList(), d);
    }

    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
    public static Tensor masked_fill(Tensor input, Tensor mask, Scalar value) => input.masked_fill(mask, value);
}
