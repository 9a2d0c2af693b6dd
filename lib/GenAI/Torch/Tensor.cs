using System.Runtime.CompilerServices;
using GenAI.Torch.Utils;

namespace GenAI.Torch;

public static partial class torch
{
    /// <summary>
    /// An n-dimensional array of float32 (or int64/bool) on the CPU with reverse-mode autograd
    /// (TorchSharp: <c>torch.Tensor</c>). A tensor is a view — storage, offset, shape, strides —
    /// so reshape/transpose/narrow share memory with their source as in PyTorch.
    /// </summary>
    public partial class Tensor : IDisposable
    {
        internal readonly Storage storage;
        internal readonly int offset;
        internal readonly int[] sh;
        internal readonly int[] st;
        internal readonly int count;
        private readonly ScalarType type;
        internal Node? node;
        private bool requiresGrad;
        internal bool retainsGrad;

        internal Tensor(Storage storage, int offset, int[] shape, int[] strides, ScalarType dtype)
        {
            this.storage = storage;
            this.offset = offset;
            sh = shape;
            st = strides;
            count = Shape.Numel(shape);
            type = dtype;
            Interlocked.Increment(ref storage.References);
            if (DisposeScope.Current is { } scope && this is not Modules.Parameter)
            {
                Scope = scope;
                scope.Add(this);
            }
        }

        /// <summary>Copy constructor for <see cref="Modules.Parameter"/>: shares the storage of <paramref name="data"/>.</summary>
        protected Tensor(Tensor data) : this(data.storage, data.offset, data.sh, data.st, data.type) { }

        /// <summary>A new contiguous float tensor with arbitrary contents (from the buffer pool): the caller writes every element.</summary>
        internal static Tensor Empty(int[] shape) => new(new Storage(BufferPool.Rent(Shape.Numel(shape)), pooled: true), 0, shape, Shape.ContiguousStrides(shape), ScalarType.Float32);

        /// <summary>A new contiguous float tensor filled with zeros.</summary>
        internal static Tensor Zeros(int[] shape)
        {
            var t = Empty(shape);
            t.Span.Clear();
            return t;
        }

        internal static Tensor EmptyLong(int[] shape, ScalarType dtype = ScalarType.Int64) =>
            new(new Storage(new long[Shape.Numel(shape)]), 0, shape, Shape.ContiguousStrides(shape), dtype);

        internal static Tensor FromArray(float[] data, int[] shape) => new(new Storage(data), 0, shape, Shape.ContiguousStrides(shape), ScalarType.Float32);

        internal static Tensor FromArray(long[] data, int[] shape, ScalarType dtype = ScalarType.Int64) =>
            new(new Storage(data), 0, shape, Shape.ContiguousStrides(shape), dtype);

        // ---- metadata ------------------------------------------------------------------

        /// <summary>The sizes of the dimensions, e.g. <c>[128, 784]</c>.</summary>
        public long[] shape => Shape.ToLong(sh);

        public long[] size() => Shape.ToLong(sh);

        public long size(int dim) => sh[Shape.Dim(dim, sh.Length)];

        public long numel() => count;

        public long dim() => sh.Length;

        public long ndim => sh.Length;

        public long Dimensions => sh.Length;

        public long NumberOfElements => count;

        public ScalarType dtype => type;

        public Device device => CPU;

        public long[] stride() => Shape.ToLong(st);

        public long stride(int dim) => st[Shape.Dim(dim, sh.Length)];

        public bool is_contiguous()
        {
            int expected = 1;
            for (int i = sh.Length - 1; i >= 0; i--)
            {
                if (sh[i] != 1 && st[i] != expected) return false;
                expected *= sh[i];
            }
            return true;
        }

        internal bool IsFloat => type == ScalarType.Float32;

        internal float[] F => storage.F;

        internal long[] L => storage.L;

        /// <summary>The contiguous element span; only valid when <see cref="is_contiguous"/>.</summary>
        internal Span<float> Span => storage.F.AsSpan(offset, count);

        internal Span<long> LongSpan => storage.L.AsSpan(offset, count);

        internal void RequireFloat(string op)
        {
            if (type != ScalarType.Float32)
                throw new NotSupportedException($"{op} braucht einen float32-Tensor, dieser hat {type}. Wandle ihn mit .to_type(torch.float32) um.");
        }

        // ---- autograd state -------------------------------------------------------------

        /// <summary>Whether ops on this tensor are recorded for <see cref="backward()"/>.</summary>
        public bool requires_grad
        {
            get => requiresGrad;
            set
            {
                if (value && type != ScalarType.Float32)
                    throw new InvalidOperationException($"Nur float32-Tensoren können Gradienten haben (dieser ist {type}).");
                if (node is not null && !value)
                    throw new InvalidOperationException("requires_grad lässt sich nur bei Blatt-Tensoren abschalten; nutze .detach().");
                requiresGrad = value;
            }
        }

        public Tensor requires_grad_(bool requires_grad = true)
        {
            this.requires_grad = requires_grad;
            return this;
        }

        /// <summary>The gradient accumulated by <see cref="backward()"/> (null until the first backward); never owned by a dispose scope.</summary>
        public Tensor? grad
        {
            get => gradField;
            set => gradField = value?.DetachFromDisposeScope();
        }

        private Tensor? gradField;

        /// <summary>True for tensors created by the user (not by a recorded op).</summary>
        public bool is_leaf => node is null;

        /// <summary>Name of the op that created this tensor, e.g. "AddBackward0" (null for leaves).</summary>
        public string? grad_fn => node?.Name;

        /// <summary>Keep <see cref="grad"/> for this non-leaf tensor during backward.</summary>
        public void retain_grad() => retainsGrad = true;

        /// <summary>A tensor sharing this one's storage but cut from the graph.</summary>
        public Tensor detach() => new(storage, offset, sh, st, type);

        public Tensor detach_()
        {
            node = null;
            requiresGrad = false;
            return this;
        }

        // ---- element access -------------------------------------------------------------

        /// <summary>Storage index of the element with row-major linear index <paramref name="linear"/>.</summary>
        internal int OffsetOf(int linear)
        {
            int o = offset;
            for (int d = sh.Length - 1; d >= 0; d--)
            {
                int size = sh[d];
                int i = linear % size;
                linear /= size;
                o += i * st[d];
            }
            return o;
        }

        internal double GetAsDouble(int linear)
        {
            int o = OffsetOf(linear);
            return IsFloat ? storage.F[o] : storage.L[o];
        }

        /// <summary>The value of a one-element tensor (TorchSharp: <c>item&lt;T&gt;()</c>).</summary>
        public T item<T>() where T : unmanaged
        {
            if (count != 1)
                throw new InvalidOperationException($"item() geht nur bei Tensoren mit genau einem Element; dieser hat die Form {Shape.Format(sh)}.");
            int o = OffsetOf(0);
            if (IsFloat) return ConvertTo<T>(storage.F[o]);
            return ConvertTo<T>(storage.L[o]);
        }

        internal static T ConvertTo<T>(double v) where T : unmanaged
        {
            if (typeof(T) == typeof(float)) { float x = (float)v; return Unsafe.As<float, T>(ref x); }
            if (typeof(T) == typeof(double)) return Unsafe.As<double, T>(ref v);
            if (typeof(T) == typeof(long)) { long x = (long)v; return Unsafe.As<long, T>(ref x); }
            if (typeof(T) == typeof(int)) { int x = (int)v; return Unsafe.As<int, T>(ref x); }
            if (typeof(T) == typeof(bool)) { bool x = v != 0; return Unsafe.As<bool, T>(ref x); }
            if (typeof(T) == typeof(byte)) { byte x = (byte)v; return Unsafe.As<byte, T>(ref x); }
            throw new NotSupportedException($"item<{typeof(T).Name}> wird nicht unterstützt; nimm float, double, long, int oder bool.");
        }

        /// <summary>Copies the elements in row-major order into a new array.</summary>
        public T[] ToArray<T>() where T : unmanaged
        {
            var result = new T[count];
            if (typeof(T) == typeof(float) && IsFloat)
            {
                contiguous().Span.CopyTo(Unsafe.As<T[], float[]>(ref result));
                return result;
            }
            if (typeof(T) == typeof(long) && !IsFloat)
            {
                contiguous().LongSpan.CopyTo(Unsafe.As<T[], long[]>(ref result));
                return result;
            }
            var c = contiguous();
            for (int i = 0; i < count; i++)
                result[i] = ConvertTo<T>(IsFloat ? c.storage.F[c.offset + i] : c.storage.L[c.offset + i]);
            return result;
        }

        /// <summary>Elements in row-major order (TorchSharp: <c>data&lt;T&gt;()</c>); <c>.ToArray()</c> copies them out.</summary>
        public TensorAccessor<T> data<T>() where T : unmanaged => new(this);

        internal float[] ToFloatArray() => ToArray<float>();

        // ---- copies ---------------------------------------------------------------------

        /// <summary>This tensor if its elements are contiguous, otherwise a contiguous copy (gradient flows through).</summary>
        public Tensor contiguous()
        {
            if (is_contiguous()) return this;
            var r = CopyToNew();
            if (NeedsGrad(this)) Record(r, "CloneBackward0", [this], g => [g]);
            return r;
        }

        /// <summary>A contiguous copy without graph.</summary>
        internal Tensor CopyToNew()
        {
            if (IsFloat)
            {
                var r = Empty(sh);
                Strided.Copy(storage.F, offset, sh, st, r.storage.F);
                return r;
            }
            var l = EmptyLong(sh, type);
            Strided.Copy(storage.L, offset, sh, st, l.storage.L);
            return l;
        }

        public Tensor clone()
        {
            var r = CopyToNew();
            if (NeedsGrad(this)) Record(r, "CloneBackward0", [this], g => [g]);
            return r;
        }

        /// <summary>Copies <paramref name="src"/> (broadcast to this shape) into this tensor in place.</summary>
        public Tensor copy_(Tensor src)
        {
            CheckInPlace("copy_");
            var b = src.expand(size());
            if (IsFloat)
            {
                var data = b.IsFloat ? b : b.to_type(ScalarType.Float32);
                var tmp = data.contiguous();
                Strided.Scatter(tmp.storage.F, tmp.offset, storage.F, offset, sh, st);
            }
            else
            {
                var tmp = (b.IsFloat ? b.to_type(type) : b).contiguous();
                Strided.Scatter(tmp.storage.L, tmp.offset, storage.L, offset, sh, st);
            }
            return this;
        }

        public Tensor fill_(Scalar value)
        {
            CheckInPlace("fill_");
            if (IsFloat) Strided.Fill(storage.F, offset, sh, st, value.ToSingle());
            else Strided.Fill(storage.L, offset, sh, st, value.ToInt64());
            return this;
        }

        public Tensor zero_() => fill_(0);

        internal void CheckInPlace(string op)
        {
            if (is_grad_enabled() && (requiresGrad || node is not null))
                throw new InvalidOperationException($"{op} würde einen Tensor im Rechengraphen überschreiben. Nutze using (torch.no_grad()) {{ ... }} oder die Variante ohne Unterstrich.");
        }

        // ---- type conversion ------------------------------------------------------------

        public Tensor to_type(ScalarType type, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
        {
            if (type == this.type) return copy ? clone() : this;
            var c = contiguous();
            if (type == ScalarType.Float32)
            {
                var r = Empty(sh);
                var src = c.LongSpan;
                var dst = r.Span;
                for (int i = 0; i < dst.Length; i++) dst[i] = src[i];
                return r;
            }
            var l = EmptyLong(sh, type);
            var ld = l.LongSpan;
            if (c.IsFloat)
            {
                var src = c.Span;
                if (type == ScalarType.Bool) for (int i = 0; i < ld.Length; i++) ld[i] = src[i] != 0 ? 1 : 0;
                else for (int i = 0; i < ld.Length; i++) ld[i] = (long)src[i];
            }
            else
            {
                var src = c.LongSpan;
                if (type == ScalarType.Bool) for (int i = 0; i < ld.Length; i++) ld[i] = src[i] != 0 ? 1 : 0;
                else src.CopyTo(ld);
            }
            return l;
        }

        public Tensor to(ScalarType type, bool copy = false) => to_type(type, copy);

        public Tensor to(Device device) { CheckDevice(device); return this; }

        public Tensor to(string device) { torch.device(device); return this; }

        public Tensor cpu() => this;

        public Tensor @float() => to_type(ScalarType.Float32);

        public Tensor @long() => to_type(ScalarType.Int64);

        public Tensor @bool() => to_type(ScalarType.Bool);

    }
}
