namespace GenAI.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>A tensor sharing this storage; <paramref name="sameView"/> re-applies the view to route gradients back.</summary>
        private Tensor View(int offset, int[] shape, int[] strides, string name, Func<Tensor, Tensor> sameView)
        {
            var r = new Tensor(storage, offset, shape, strides, type);
            if (NeedsGrad(this))
                Record(r, name, [this], g =>
                {
                    var z = zeros(size());
                    using (no_grad()) sameView(z).copy_(g);
                    return [z];
                });
            return r;
        }

        private int[] InferShape(long[] shape)
        {
            var r = new int[shape.Length];
            int infer = -1;
            long known = 1;
            for (int i = 0; i < shape.Length; i++)
            {
                if (shape[i] == -1)
                {
                    if (infer >= 0) throw new ArgumentException("Nur eine Dimension darf -1 sein.");
                    infer = i;
                }
                else if (shape[i] < 0) throw new ArgumentException($"Ungültige Größe {shape[i]} in der Form [{string.Join(", ", shape)}].");
                else { r[i] = (int)shape[i]; known *= shape[i]; }
            }
            if (infer >= 0)
            {
                if (known == 0 || count % known != 0)
                    throw new ArgumentException($"Die Form [{string.Join(", ", shape)}] passt nicht zu {count} Elementen (Form {Shape.Format(sh)}).");
                r[infer] = (int)(count / known);
            }
            else if (known != count)
                throw new ArgumentException($"Die Form [{string.Join(", ", shape)}] hat {known} Elemente, der Tensor aber {count} (Form {Shape.Format(sh)}).");
            return r;
        }

        /// <summary>Same elements, new shape; shares storage when the layout allows it (-1 infers one size).</summary>
        public Tensor reshape(params long[] shape)
        {
            var target = InferShape(shape);
            var src = contiguous();
            var r = new Tensor(src.storage, src.offset, target, Shape.ContiguousStrides(target), type);
            if (NeedsGrad(src))
            {
                var inShape = src.size();
                Record(r, "ViewBackward0", [src], g => [g.reshape(inShape)]);
            }
            return r;
        }

        /// <summary>Like <see cref="reshape"/> but requires a contiguous tensor (PyTorch raises otherwise too).</summary>
        public Tensor view(params long[] shape)
        {
            if (!is_contiguous())
                throw new InvalidOperationException($"view() braucht einen zusammenhängenden Tensor (nach transpose/permute ist er es nicht). Nutze reshape(...) oder .contiguous().view(...).");
            return reshape(shape);
        }

        public Tensor view_as(Tensor other) => view(other.size());

        public Tensor reshape_as(Tensor other) => reshape(other.size());

        public Tensor flatten(long start_dim = 0, long end_dim = -1)
        {
            if (sh.Length == 0) return reshape(1);
            int s = Shape.Dim(start_dim, sh.Length), e = Shape.Dim(end_dim, sh.Length);
            if (s > e) throw new ArgumentException($"flatten: start_dim ({start_dim}) liegt hinter end_dim ({end_dim}).");
            var shape = new List<long>();
            for (int i = 0; i < s; i++) shape.Add(sh[i]);
            long m = 1;
            for (int i = s; i <= e; i++) m *= sh[i];
            shape.Add(m);
            for (int i = e + 1; i < sh.Length; i++) shape.Add(sh[i]);
            return reshape(shape.ToArray());
        }

        public Tensor unflatten(long dim, params long[] sizes)
        {
            int d = Shape.Dim(dim, sh.Length);
            var shape = new List<long>();
            for (int i = 0; i < d; i++) shape.Add(sh[i]);
            shape.AddRange(sizes);
            for (int i = d + 1; i < sh.Length; i++) shape.Add(sh[i]);
            return reshape(shape.ToArray());
        }

        public Tensor unsqueeze(long dim)
        {
            int d = Shape.Dim(dim, sh.Length + 1);
            var shape = sh.ToList(); shape.Insert(d, 1);
            var strides = st.ToList(); strides.Insert(d, d < st.Length ? st[d] * sh[d] : 1);
            var r = new Tensor(storage, offset, shape.ToArray(), strides.ToArray(), type);
            if (NeedsGrad(this)) Record(r, "UnsqueezeBackward0", [this], g => [g.squeeze(d)]);
            return r;
        }

        /// <summary>Removes size-1 dimensions (all, or just <paramref name="dim"/> if it has size 1).</summary>
        public Tensor squeeze(long? dim = null)
        {
            var keep = new List<int>();
            int only = dim is { } dd ? Shape.Dim(dd, sh.Length) : -1;
            for (int i = 0; i < sh.Length; i++)
                if (sh[i] != 1 || (only >= 0 && i != only)) keep.Add(i);
            var r = new Tensor(storage, offset, keep.Select(i => sh[i]).ToArray(), keep.Select(i => st[i]).ToArray(), type);
            if (NeedsGrad(this)) { var inShape = size(); Record(r, "SqueezeBackward0", [this], g => [g.reshape(inShape)]); }
            return r;
        }

        public Tensor permute(params long[] permutation)
        {
            if (permutation.Length != sh.Length)
                throw new ArgumentException($"permute braucht {sh.Length} Dimensionen, bekam {permutation.Length}.");
            var p = permutation.Select(d => Shape.Dim(d, sh.Length)).ToArray();
            if (p.Distinct().Count() != p.Length) throw new ArgumentException("permute: jede Dimension genau einmal angeben.");
            var r = new Tensor(storage, offset, p.Select(i => sh[i]).ToArray(), p.Select(i => st[i]).ToArray(), type);
            if (NeedsGrad(this))
            {
                var inverse = new long[p.Length];
                for (int i = 0; i < p.Length; i++) inverse[p[i]] = i;
                Record(r, "PermuteBackward0", [this], g => [g.permute(inverse)]);
            }
            return r;
        }

        public Tensor transpose(long dim0, long dim1)
        {
            int a = Shape.Dim(dim0, sh.Length), b = Shape.Dim(dim1, sh.Length);
            var shape = (int[])sh.Clone(); var strides = (int[])st.Clone();
            (shape[a], shape[b]) = (shape[b], shape[a]);
            (strides[a], strides[b]) = (strides[b], strides[a]);
            var r = new Tensor(storage, offset, shape, strides, type);
            if (NeedsGrad(this)) Record(r, "TransposeBackward0", [this], g => [g.transpose(a, b)]);
            return r;
        }

        public Tensor swapaxes(long axis0, long axis1) => transpose(axis0, axis1);

        /// <summary>Transpose of a matrix (≤ 2 dimensions).</summary>
        public Tensor t()
        {
            if (sh.Length > 2) throw new InvalidOperationException($"t() erwartet höchstens 2 Dimensionen, dieser Tensor hat {sh.Length}; nutze transpose(dim0, dim1).");
            return sh.Length < 2 ? this : transpose(0, 1);
        }

        public Tensor T => sh.Length < 2 ? this : permute(Enumerable.Range(0, sh.Length).Reverse().Select(i => (long)i).ToArray());

        public Tensor mT => transpose(-2, -1);

        /// <summary>The slice [start, start+length) of dimension <paramref name="dim"/>, sharing storage.</summary>
        public Tensor narrow(long dim, long start, long length)
        {
            int d = Shape.Dim(dim, sh.Length);
            if (start < 0) start += sh[d];
            if (start < 0 || length < 0 || start + length > sh[d])
                throw new ArgumentOutOfRangeException(nameof(start), $"narrow: [{start}, {start + length}) liegt nicht in Dimension {d} der Größe {sh[d]}.");
            var shape = (int[])sh.Clone(); shape[d] = (int)length;
            return View(offset + (int)start * st[d], shape, st, "NarrowBackward0", z => z.narrow(d, start, length));
        }

        /// <summary>Index <paramref name="index"/> of dimension <paramref name="dim"/>; the dimension disappears.</summary>
        public Tensor select(long dim, long index)
        {
            int d = Shape.Dim(dim, sh.Length);
            long i = index < 0 ? index + sh[d] : index;
            if (i < 0 || i >= sh[d])
                throw new IndexOutOfRangeException($"Index {index} liegt außerhalb von Dimension {d} der Größe {sh[d]}.");
            var shape = sh.Where((_, k) => k != d).ToArray();
            var strides = st.Where((_, k) => k != d).ToArray();
            return View(offset + (int)i * st[d], shape, strides, "SelectBackward0", z => z.select(d, i));
        }

        /// <summary>Every <paramref name="step"/>-th element of [start, stop) along <paramref name="dim"/>.</summary>
        public Tensor slice(long dim, long start, long finish, long step)
        {
            int d = Shape.Dim(dim, sh.Length);
            if (step <= 0) throw new ArgumentException("slice: step muss positiv sein.");
            long n = sh[d];
            long s = Math.Clamp(start < 0 ? start + n : start, 0, n);
            long e = Math.Clamp(finish < 0 ? finish + n : finish, 0, n);
            int len = e > s ? (int)((e - s + step - 1) / step) : 0;
            var shape = (int[])sh.Clone(); shape[d] = len;
            var strides = (int[])st.Clone(); strides[d] = st[d] * (int)step;
            return View(offset + (int)s * st[d], shape, strides, "SliceBackward0", z => z.slice(d, start, finish, step));
        }

        /// <summary>Broadcasts size-1 dimensions to <paramref name="sizes"/> without copying (-1 keeps a size).</summary>
        public Tensor expand(params long[] sizes)
        {
            if (sizes.Length < sh.Length)
                throw new ArgumentException($"expand: Zielform [{string.Join(", ", sizes)}] hat weniger Dimensionen als {Shape.Format(sh)}.");
            int shift = sizes.Length - sh.Length;
            var shape = new int[sizes.Length];
            var strides = new int[sizes.Length];
            for (int i = 0; i < sizes.Length; i++)
            {
                int src = i - shift;
                int cur = src >= 0 ? sh[src] : 1;
                int want = sizes[i] == -1 ? cur : (int)sizes[i];
                if (cur != want && cur != 1)
                    throw new ArgumentException($"expand: Dimension {i} hat Größe {cur} und lässt sich nicht auf {want} aufweiten (nur Größe 1 geht).");
                shape[i] = want;
                strides[i] = src >= 0 && cur == want ? st[src] : 0;
            }
            if (Shape.SameShape(shape, sh)) return this;
            var r = new Tensor(storage, offset, shape, strides, type);
            if (NeedsGrad(this)) Record(r, "ExpandBackward0", [this], g => [SumTo(g, sh)]);
            return r;
        }

        public Tensor expand_as(Tensor other) => expand(other.size());

        public Tensor broadcast_to(params long[] shape) => expand(shape);

        public Tensor[] split(long split_size, long dim = 0)
        {
            int d = Shape.Dim(dim, sh.Length);
            var parts = new List<Tensor>();
            for (long s = 0; s < sh[d]; s += split_size) parts.Add(narrow(d, s, Math.Min(split_size, sh[d] - s)));
            return parts.ToArray();
        }

        public Tensor[] chunk(long chunks, long dim = 0)
        {
            int d = Shape.Dim(dim, sh.Length);
            long size = (sh[d] + chunks - 1) / chunks;
            return split(Math.Max(size, 1), d);
        }

        public Tensor[] unbind(long dim = 0)
        {
            int d = Shape.Dim(dim, sh.Length);
            var parts = new Tensor[sh[d]];
            for (int i = 0; i < parts.Length; i++) parts[i] = select(d, i);
            return parts;
        }
    }

    public static Tensor reshape(Tensor input, params long[] shape) => input.reshape(shape);
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);
    public static Tensor unsqueeze(Tensor input, long dim) => input.unsqueeze(dim);
    public static Tensor squeeze(Tensor input, long? dim = null) => input.squeeze(dim);
    public static Tensor permute(Tensor input, params long[] permutation) => input.permute(permutation);
    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);
    public static Tensor t(Tensor input) => input.t();
    public static Tensor narrow(Tensor input, long dim, long start, long length) => input.narrow(dim, start, length);
    public static Tensor select(Tensor input, long dim, long index) => input.select(dim, index);
    public static Tensor[] split(Tensor input, long split_size, long dim = 0) => input.split(split_size, dim);
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);
    public static Tensor[] unbind(Tensor input, long dim = 0) => input.unbind(dim);
}
