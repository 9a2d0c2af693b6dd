namespace GenAI.Torch;

public static partial class torch
{
    private static Tensor Finish(Tensor t, ScalarType? dtype, Device? device, bool requires_grad)
    {
        CheckDevice(device);
        if (dtype is { } d && d != t.dtype) t = t.to_type(d);
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    private static int[] Dims(ReadOnlySpan<long> size) => Shape.FromLong(size);

    // ---- from data ------------------------------------------------------------------------

    /// <summary>A tensor holding a copy of <paramref name="rawArray"/>, shaped by <paramref name="dimensions"/> (default: 1-D).</summary>
    public static Tensor tensor(float[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var shape = dimensions is null ? [rawArray.Length] : Dims(dimensions);
        if (Shape.Numel(shape) != rawArray.Length)
            throw new ArgumentException($"Die Form {Shape.Format(shape)} braucht {Shape.Numel(shape)} Werte, das Array hat {rawArray.Length}.");
        return Finish(Tensor.FromArray((float[])rawArray.Clone(), shape), dtype, device, requires_grad);
    }

    public static Tensor tensor(float[] rawArray, params long[] dimensions) => tensor(rawArray, dimensions, null);

    public static Tensor tensor(IList<float> rawArray, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor(rawArray.ToArray(), dimensions, dtype, device, requires_grad);

    public static Tensor tensor(double[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor(Array.ConvertAll(rawArray, x => (float)x), dimensions, dtype, device, requires_grad);

    public static Tensor tensor(long[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var shape = dimensions is null ? [rawArray.Length] : Dims(dimensions);
        if (Shape.Numel(shape) != rawArray.Length)
            throw new ArgumentException($"Die Form {Shape.Format(shape)} braucht {Shape.Numel(shape)} Werte, das Array hat {rawArray.Length}.");
        return Finish(Tensor.FromArray((long[])rawArray.Clone(), shape), dtype, device, requires_grad);
    }

    public static Tensor tensor(long[] rawArray, params long[] dimensions) => tensor(rawArray, dimensions, null);

    /// <summary>int arrays become int64 tensors (GenAI.Torch stores integers as int64).</summary>
    public static Tensor tensor(int[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor(Array.ConvertAll(rawArray, x => (long)x), dimensions, dtype, device, requires_grad);

    public static Tensor tensor(bool[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var t = tensor(Array.ConvertAll(rawArray, x => x ? 1L : 0L), dimensions, null);
        return Finish(t.to_type(ScalarType.Bool), dtype, device, requires_grad);
    }

    public static Tensor tensor(float[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromMulti(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(float[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromMulti(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(float[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromMulti(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(double[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromMulti(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(long[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromMulti(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(int[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromMulti(rawArray, dtype, device, requires_grad);

    private static Tensor FromMulti(Array array, ScalarType? dtype, Device? device, bool requires_grad)
    {
        var shape = Enumerable.Range(0, array.Rank).Select(array.GetLength).ToArray();
        var elem = array.GetType().GetElementType()!;
        Tensor t;
        if (elem == typeof(long) || elem == typeof(int))
        {
            var data = new long[array.Length]; int i = 0;
            foreach (var v in array) data[i++] = Convert.ToInt64(v);
            t = Tensor.FromArray(data, shape);
        }
        else
        {
            var data = new float[array.Length]; int i = 0;
            foreach (var v in array) data[i++] = Convert.ToSingle(v);
            t = Tensor.FromArray(data, shape);
        }
        return Finish(t, dtype, device, requires_grad);
    }

    /// <summary>A 0-dim tensor holding one number.</summary>
    public static Tensor tensor(float scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Finish(Tensor.FromArray([scalar], []), dtype, device, requires_grad);

    public static Tensor tensor(double scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Finish(Tensor.FromArray([(float)scalar], []), dtype, device, requires_grad);

    public static Tensor tensor(long scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Finish(Tensor.FromArray([scalar], []), dtype, device, requires_grad);

    public static Tensor tensor(int scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Finish(Tensor.FromArray([(long)scalar], []), dtype, device, requires_grad);

    public static Tensor from_array(Array rawArray) => FromMulti(rawArray, null, null, false);

    // ---- filled -----------------------------------------------------------------------------

    public static Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var shape = Dims(size);
        Tensor t;
        if (dtype is ScalarType.Int64 or ScalarType.Bool)
        {
            t = Tensor.EmptyLong(shape, dtype ?? ScalarType.Int64);
            t.LongSpan.Fill(value.ToInt64());
        }
        else
        {
            t = Tensor.Empty(shape);
            t.Span.Fill(value.ToSingle());
        }
        return Finish(t, dtype, device, requires_grad);
    }

    public static Tensor full(long size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([size], value, dtype, device, requires_grad);
    public static Tensor full(long rows, long columns, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([rows, columns], value, dtype, device, requires_grad);
    public static Tensor full(long dim0, long dim1, long dim2, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([dim0, dim1, dim2], value, dtype, device, requires_grad);
    public static Tensor full(long dim0, long dim1, long dim2, long dim3, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([dim0, dim1, dim2, dim3], value, dtype, device, requires_grad);

    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full(size, 0, dtype, device, requires_grad);
    public static Tensor zeros(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([size], 0, dtype, device, requires_grad);
    public static Tensor zeros(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([rows, columns], 0, dtype, device, requires_grad);
    public static Tensor zeros(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([dim0, dim1, dim2], 0, dtype, device, requires_grad);
    public static Tensor zeros(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([dim0, dim1, dim2, dim3], 0, dtype, device, requires_grad);

    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full(size, 1, dtype, device, requires_grad);
    public static Tensor ones(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([size], 1, dtype, device, requires_grad);
    public static Tensor ones(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([rows, columns], 1, dtype, device, requires_grad);
    public static Tensor ones(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([dim0, dim1, dim2], 1, dtype, device, requires_grad);
    public static Tensor ones(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([dim0, dim1, dim2, dim3], 1, dtype, device, requires_grad);

    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros(size, dtype, device, requires_grad);
    public static Tensor empty(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([rows, columns], dtype, device, requires_grad);

    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros(input.size(), dtype ?? input.dtype, device, requires_grad);
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones(input.size(), dtype ?? input.dtype, device, requires_grad);
    public static Tensor full_like(Tensor input, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full(input.size(), value, dtype ?? input.dtype, device, requires_grad);
    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros_like(input, dtype, device, requires_grad);

    /// <summary>Identity matrix (rows × columns, columns defaulting to rows).</summary>
    public static Tensor eye(long rows, long columns = -1L, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (columns < 0) columns = rows;
        var t = Tensor.Zeros([(int)rows, (int)columns]);
        var s = t.Span;
        for (int i = 0; i < Math.Min(rows, columns); i++) s[i * (int)columns + i] = 1;
        return Finish(t, dtype, device, requires_grad);
    }

    // ---- ranges -----------------------------------------------------------------------------

    /// <summary>Values start, start+step, … below stop. Integer arguments give int64, as in PyTorch.</summary>
    public static Tensor arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        double s = start.ToDouble(), e = stop.ToDouble(), d = step.ToDouble();
        if (d == 0) throw new ArgumentException("arange: step darf nicht 0 sein.");
        long n = Math.Max(0, (long)Math.Ceiling((e - s) / d));
        bool integral = start.IsIntegral && stop.IsIntegral && step.IsIntegral;
        var type = dtype ?? (integral ? ScalarType.Int64 : ScalarType.Float32);
        Tensor t;
        if (type == ScalarType.Float32)
        {
            t = Tensor.Empty([(int)n]);
            var sp = t.Span;
            for (int i = 0; i < n; i++) sp[i] = (float)(s + i * d);
        }
        else
        {
            t = Tensor.EmptyLong([(int)n]);
            var sp = t.LongSpan;
            for (int i = 0; i < n; i++) sp[i] = (long)(s + i * d);
        }
        return Finish(t, null, device, requires_grad);
    }

    public static Tensor arange(Scalar start, Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(start, stop, 1, dtype, device, requires_grad);

    public static Tensor arange(Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(0, stop, 1, dtype, device, requires_grad);

    /// <summary><paramref name="steps"/> evenly spaced values from start to end inclusive.</summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var t = Tensor.Empty([(int)steps]);
        var sp = t.Span;
        double step = steps > 1 ? (end - start) / (steps - 1) : 0;
        // PyTorch fills the second half from the end so the last value is exactly `end`.
        long half = steps / 2;
        for (int i = 0; i < steps; i++) sp[i] = (float)(i < half ? start + step * i : end - step * (steps - 1 - i));
        return Finish(t, dtype, device, requires_grad);
    }

    // ---- random ---------------------------------------------------------------------------------

    /// <summary>Uniform samples in [0, 1).</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var g = generator ?? defaultGenerator;
        var t = Tensor.Empty(Dims(size));
        var sp = t.Span;
        for (int i = 0; i < sp.Length; i++) sp[i] = g.NextFloat();
        return Finish(t, dtype, device, requires_grad);
    }

    public static Tensor rand(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([size], dtype, device, requires_grad, generator);
    public static Tensor rand(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([rows, columns], dtype, device, requires_grad, generator);
    public static Tensor rand(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([dim0, dim1, dim2], dtype, device, requires_grad, generator);
    public static Tensor rand(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([dim0, dim1, dim2, dim3], dtype, device, requires_grad, generator);

    /// <summary>Standard normal samples N(0, 1).</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var g = generator ?? defaultGenerator;
        var t = Tensor.Empty(Dims(size));
        var sp = t.Span;
        for (int i = 0; i < sp.Length; i++) sp[i] = (float)g.NextNormal();
        return Finish(t, dtype, device, requires_grad);
    }

    public static Tensor randn(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([size], dtype, device, requires_grad, generator);
    public static Tensor randn(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([rows, columns], dtype, device, requires_grad, generator);
    public static Tensor randn(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([dim0, dim1, dim2], dtype, device, requires_grad, generator);
    public static Tensor randn(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([dim0, dim1, dim2, dim3], dtype, device, requires_grad, generator);

    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => rand(input.size(), dtype, device, requires_grad);
    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn(input.size(), dtype, device, requires_grad);

    /// <summary>Uniform integers in [low, high) as int64.</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        if (high <= low) throw new ArgumentException($"randint: high ({high}) muss größer als low ({low}) sein.");
        var g = generator ?? defaultGenerator;
        var t = Tensor.EmptyLong(Dims(size));
        var sp = t.LongSpan;
        for (int i = 0; i < sp.Length; i++) sp[i] = low + g.NextInt64(high - low);
        return Finish(t, dtype, device, requires_grad);
    }

    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randint(0, high, size, dtype, device, requires_grad, generator);

    public static Tensor randint_like(Tensor input, long low, long high) => randint(low, high, input.size());

    /// <summary>A random permutation of 0..n-1 (Fisher–Yates).</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var g = generator ?? defaultGenerator;
        var p = new long[n];
        for (long i = 0; i < n; i++) p[i] = i;
        for (long i = n - 1; i > 0; i--)
        {
            long j = g.NextInt64(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return Finish(Tensor.FromArray(p, [(int)n]), dtype, device, requires_grad);
    }

    /// <summary>Samples indices from the rows of a (not necessarily normalised) non-negative weight tensor.</summary>
    public static Tensor multinomial(Tensor input, long num_samples, bool replacement = false, Generator? generator = null)
    {
        var g = generator ?? defaultGenerator;
        var p = input.dim() == 1 ? input.unsqueeze(0) : input;
        int rows = p.sh[0], n = p.sh[1];
        var w = p.contiguous().ToArray<float>();
        if (!replacement && num_samples > n) throw new ArgumentException($"multinomial: ohne Zurücklegen gehen höchstens {n} Ziehungen.");
        var r = new long[rows * num_samples];
        for (int row = 0; row < rows; row++)
        {
            var weights = new double[n];
            for (int j = 0; j < n; j++)
            {
                double v = w[row * n + j];
                if (v < 0 || double.IsNaN(v)) throw new ArgumentException("multinomial: Gewichte müssen ≥ 0 sein (keine NaN).");
                weights[j] = v;
            }
            for (int s = 0; s < num_samples; s++)
            {
                double total = weights.Sum();
                if (total <= 0) throw new ArgumentException("multinomial: die Summe der Gewichte muss größer als 0 sein.");
                double u = g.NextDouble() * total, acc = 0;
                int pick = n - 1;
                for (int j = 0; j < n; j++) { acc += weights[j]; if (u < acc && weights[j] > 0) { pick = j; break; } }
                r[row * num_samples + s] = pick;
                if (!replacement) weights[pick] = 0;
            }
        }
        var t = Tensor.FromArray(r, [rows, (int)num_samples]);
        return input.dim() == 1 ? t.squeeze(0) : t;
    }

    /// <summary>Bernoulli draws with the given probabilities (float 0/1).</summary>
    public static Tensor bernoulli(Tensor input, Generator? generator = null)
    {
        var g = generator ?? defaultGenerator;
        var p = input.contiguous();
        var t = Tensor.Empty(p.sh);
        var src = p.Span; var d = t.Span;
        for (int i = 0; i < d.Length; i++) d[i] = g.NextFloat() < src[i] ? 1 : 0;
        return t;
    }

    /// <summary>Samples N(mean, std²) elementwise.</summary>
    public static Tensor normal(double mean, double std, long[] size, Generator? generator = null) => randn(size, generator: generator).mul(std).add(mean);
}
