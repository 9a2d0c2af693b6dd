namespace GenAI.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        // ---- binary arithmetic with broadcasting; each forward sits beside its backward ----

        /// <summary>out = this + alpha·other.</summary>
        public Tensor add(Tensor other, Scalar? alpha = null)
        {
            if (alpha is { } al && al.Value != 1) return add(other.mul(al));
            return BinaryOp<AddOp>(this, other, "AddBackward0", static (g, a, b) => [SumTo(g, a.sh), SumTo(g, b.sh)]);
        }

        public Tensor add(Scalar other) => add(ScalarLike(other));

        public Tensor sub(Tensor other) => BinaryOp<SubOp>(this, other, "SubBackward0", static (g, a, b) => [SumTo(g, a.sh), b.requires_grad ? SumTo(g.neg(), b.sh) : null]);

        public Tensor sub(Scalar other) => sub(ScalarLike(other));

        public Tensor mul(Tensor other) => BinaryOp<MulOp>(this, other, "MulBackward0", static (g, a, b) =>
            [a.requires_grad ? SumTo(g.mul(b), a.sh) : null, b.requires_grad ? SumTo(g.mul(a), b.sh) : null]);

        public Tensor mul(Scalar other) => mul(ScalarLike(other));

        /// <summary>True division (int tensors give float, as in PyTorch).</summary>
        public Tensor div(Tensor other)
        {
            var a = IsFloat ? this : to_type(ScalarType.Float32);
            var b = other.IsFloat ? other : other.to_type(ScalarType.Float32);
            return BinaryOp<DivOp>(a, b, "DivBackward0", static (g, a, b) =>
                [a.requires_grad ? SumTo(g.div(b), a.sh) : null,
                 b.requires_grad ? SumTo(g.neg().mul(a).div(b.mul(b)), b.sh) : null]);
        }

        public Tensor div(Scalar other) => div(ScalarLike(other));

        public Tensor pow(Tensor exponent) => BinaryOp<PowOp>(this, exponent, "PowBackward1", static (g, a, b) =>
            [a.requires_grad ? SumTo(g.mul(b).mul(a.pow(b.sub(1))), a.sh) : null,
             b.requires_grad ? SumTo(g.mul(a.pow(b)).mul(a.log()), b.sh) : null]);

        public Tensor pow(Scalar exponent)
        {
            float e = exponent.ToSingle();
            var r = Broadcasting.Binary<PowOp>(AsFloat("pow"), ScalarLike(exponent));
            if (NeedsGrad(this))
                Record(r, "PowBackward0", [this], g => [e == 2 ? g.mul(this).mul(2) : g.mul(this.pow(e - 1)).mul(e)]);
            return r;
        }

        public Tensor square() => pow(2);

        public Tensor maximum(Tensor other) => BinaryOp<MaxOp>(this, other, "MaximumBackward0", static (g, a, b) => MinMaxGrad(g, a, b, true));

        public Tensor minimum(Tensor other) => BinaryOp<MinOp>(this, other, "MinimumBackward0", static (g, a, b) => MinMaxGrad(g, a, b, false));

        /// <summary>Gradient of max/min(a, b): to the selected input, split half/half on ties (PyTorch's rule).</summary>
        private static Tensor?[] MinMaxGrad(Tensor g, Tensor a, Tensor b, bool isMax)
        {
            var wins = isMax ? Broadcasting.Compare(a, b, static (x, y) => x > y) : Broadcasting.Compare(a, b, static (x, y) => x < y);
            var tie = Broadcasting.Compare(a, b, static (x, y) => x == y).to_type(ScalarType.Float32).mul(0.5f);
            var wa = wins.to_type(ScalarType.Float32).add(tie);
            var wb = wa.neg().add(1);
            return [a.requires_grad ? SumTo(g.mul(wa), a.sh) : null, b.requires_grad ? SumTo(g.mul(wb), b.sh) : null];
        }

        internal Tensor ScalarLike(Scalar value)
        {
            if (!IsFloat && value.IsIntegral) return FromArray([value.ToInt64()], []);
            return FromArray([value.ToSingle()], []);
        }

        private Tensor AsFloat(string op)
        {
            if (type == ScalarType.Float32) return this;
            return to_type(ScalarType.Float32);
        }

        private static Tensor BinaryOp<TOp>(Tensor a, Tensor b, string name, Func<Tensor, Tensor, Tensor, Tensor?[]> backward) where TOp : struct, IBinaryOp
        {
            if (!a.IsFloat || !b.IsFloat)
            {
                // Integer arithmetic is computed in float and converted back when both sides are integral.
                bool bothIntegral = !a.IsFloat && !b.IsFloat;
                var r0 = Broadcasting.Binary<TOp>(a.AsFloat(name), b.AsFloat(name));
                return bothIntegral ? r0.to_type(ScalarType.Int64) : r0;
            }
            var r = Broadcasting.Binary<TOp>(a, b);
            if (NeedsGrad(a, b)) Record(r, name, [a, b], g => backward(g, a, b));
            return r;
        }

        /// <summary>Sums a broadcast gradient back to the input's shape (the adjoint of broadcasting).</summary>
        internal static Tensor SumTo(Tensor g, int[] shape)
        {
            if (Shape.SameShape(g.sh, shape)) return g;
            int lead = g.sh.Length - shape.Length;
            var dims = new List<long>();
            for (int i = 0; i < g.sh.Length; i++)
                if (i < lead || (shape[i - lead] == 1 && g.sh[i] != 1)) dims.Add(i);
            var s = dims.Count == 0 ? g : g.sum(dims.ToArray(), keepdim: true);
            return s.reshape(Shape.ToLong(shape));
        }

        // ---- in-place variants (no graph: for optimizers, init and no_grad code) --------

        public Tensor add_(Tensor other, Scalar? alpha = null) => AssignFrom(add(other, alpha), "add_");
        public Tensor add_(Scalar other) => AssignFrom(add(other), "add_");
        public Tensor sub_(Tensor other) => AssignFrom(sub(other), "sub_");
        public Tensor sub_(Scalar other) => AssignFrom(sub(other), "sub_");
        public Tensor mul_(Tensor other) => AssignFrom(mul(other), "mul_");
        public Tensor mul_(Scalar other) => AssignFrom(mul(other), "mul_");
        public Tensor div_(Tensor other) => AssignFrom(div(other), "div_");
        public Tensor div_(Scalar other) => AssignFrom(div(other), "div_");

        private Tensor AssignFrom(Tensor value, string op)
        {
            CheckInPlace(op);
            if (!Shape.SameShape(value.sh, sh))
                throw new ArgumentException($"{op}: das Ergebnis hat die Form {Shape.Format(value.sh)}, der Tensor {Shape.Format(sh)}; in-place geht das nicht.");
            using (no_grad()) copy_(value);
            return this;
        }

        // ---- C# operators ----------------------------------------------------------------

        public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
        public static Tensor operator +(Tensor a, Scalar b) => a.add(b);
        public static Tensor operator +(Scalar a, Tensor b) => b.add(a);
        public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
        public static Tensor operator -(Tensor a, Scalar b) => a.sub(b);
        public static Tensor operator -(Scalar a, Tensor b) => b.ScalarLike(a).sub(b);
        public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
        public static Tensor operator *(Tensor a, Scalar b) => a.mul(b);
        public static Tensor operator *(Scalar a, Tensor b) => b.mul(a);
        public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
        public static Tensor operator /(Tensor a, Scalar b) => a.div(b);
        public static Tensor operator /(Scalar a, Tensor b) => b.ScalarLike(a).to_type(ScalarType.Float32).div(b);
        public static Tensor operator -(Tensor a) => a.neg();

        // Comparisons give bool tensors (mask semantics), as in TorchSharp.
        public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
        public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
        public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
        public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
        public static Tensor operator >(Tensor a, Scalar b) => a.gt(b);
        public static Tensor operator <(Tensor a, Scalar b) => a.lt(b);
        public static Tensor operator >=(Tensor a, Scalar b) => a.ge(b);
        public static Tensor operator <=(Tensor a, Scalar b) => a.le(b);

        public Tensor gt(Tensor other) => Broadcasting.Compare(this, other, static (x, y) => x > y);
        public Tensor lt(Tensor other) => Broadcasting.Compare(this, other, static (x, y) => x < y);
        public Tensor ge(Tensor other) => Broadcasting.Compare(this, other, static (x, y) => x >= y);
        public Tensor le(Tensor other) => Broadcasting.Compare(this, other, static (x, y) => x <= y);
        public Tensor eq(Tensor other) => Broadcasting.Compare(this, other, static (x, y) => x == y);
        public Tensor ne(Tensor other) => Broadcasting.Compare(this, other, static (x, y) => x != y);
        public Tensor gt(Scalar other) => gt(ScalarLike(other));
        public Tensor lt(Scalar other) => lt(ScalarLike(other));
        public Tensor ge(Scalar other) => ge(ScalarLike(other));
        public Tensor le(Scalar other) => le(ScalarLike(other));
        public Tensor eq(Scalar other) => eq(ScalarLike(other));
        public Tensor ne(Scalar other) => ne(ScalarLike(other));

        /// <summary>True if both tensors have the same shape and all elements are within atol + rtol·|other|.</summary>
        public bool allclose(Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
        {
            if (!Shape.SameShape(sh, other.sh)) return false;
            var a = ToArray<double>();
            var b = other.ToArray<double>();
            for (int i = 0; i < a.Length; i++)
            {
                if (double.IsNaN(a[i]) || double.IsNaN(b[i])) { if (!(equal_nan && double.IsNaN(a[i]) && double.IsNaN(b[i]))) return false; continue; }
                if (Math.Abs(a[i] - b[i]) > atol + rtol * Math.Abs(b[i])) return false;
            }
            return true;
        }

        public bool equal(Tensor other) => Shape.SameShape(sh, other.sh) && ToArray<double>().AsSpan().SequenceEqual(other.ToArray<double>());
    }

    public static Tensor add(Tensor input, Tensor other) => input.add(other);
    public static Tensor sub(Tensor input, Tensor other) => input.sub(other);
    public static Tensor mul(Tensor input, Tensor other) => input.mul(other);
    public static Tensor div(Tensor input, Tensor other) => input.div(other);
    public static Tensor pow(Tensor input, Tensor exponent) => input.pow(exponent);
    public static Tensor pow(Tensor input, Scalar exponent) => input.pow(exponent);
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);
    public static Tensor square(Tensor input) => input.square();
    public static bool allclose(Tensor input, Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) => input.allclose(other, rtol, atol, equal_nan);
}
