using System.Globalization;
using System.Text;

namespace GenAI.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>PyTorch's repr: <c>tensor([[ 0.1000, -2.0000]], requires_grad=True)</c>, 4 decimals, summarised beyond 1000 elements.</summary>
        public override string ToString() => TensorPrinter.Format(this);

        /// <summary>Writes <see cref="ToString"/> to the console and returns the tensor (TorchSharp's print()).</summary>
        public Tensor print()
        {
            Console.WriteLine(ToString());
            return this;
        }
    }
}

/// <summary>Re-implements torch/_tensor_str.py's layout rules (precision 4, linewidth 80, threshold 1000, edgeitems 3).</summary>
internal static class TensorPrinter
{
    private const int Precision = 4, LineWidth = 80, Threshold = 1000, EdgeItems = 3;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static string Format(torch.Tensor t)
    {
        var sb = new StringBuilder("tensor(");
        const int indent = 7;
        var shape = t.sh;
        if (t.count == 0 && shape.Length > 0)
        {
            sb.Append("[]");
            if (shape.Length != 1) sb.Append(", size=(").Append(string.Join(", ", shape)).Append(shape.Length == 1 ? ",)" : ")");
        }
        else
        {
            bool summarize = t.count > Threshold;
            var values = t.ToArray<double>();
            var fmt = new ValueFormatter(t.dtype, Visible(values, shape, summarize));
            sb.Append(Body(values, shape, 0, 0, indent, summarize, fmt));
        }
        if (t.grad_fn is { } fn) sb.Append(", grad_fn=<").Append(fn).Append('>');
        else if (t.requires_grad) sb.Append(", requires_grad=True");
        return sb.Append(')').ToString();
    }

    /// <summary>Values that will be printed (the formatter's width and mode depend only on those).</summary>
    private static IEnumerable<double> Visible(double[] values, int[] shape, bool summarize)
    {
        if (!summarize) return values;
        var list = new List<double>();
        Collect(values, shape, 0, 0, list);
        return list;
    }

    private static void Collect(double[] v, int[] shape, int dim, int offset, List<double> into)
    {
        if (shape.Length == 0) { into.Add(v[0]); return; }
        int n = shape[dim], stride = 1;
        for (int i = dim + 1; i < shape.Length; i++) stride *= shape[i];
        foreach (var i in Indices(n, true))
        {
            if (dim == shape.Length - 1) into.Add(v[offset + i]);
            else Collect(v, shape, dim + 1, offset + i * stride, into);
        }
    }

    private static IEnumerable<int> Indices(int n, bool summarize)
    {
        if (!summarize || n <= 2 * EdgeItems) { for (int i = 0; i < n; i++) yield return i; yield break; }
        for (int i = 0; i < EdgeItems; i++) yield return i;
        for (int i = n - EdgeItems; i < n; i++) yield return i;
    }

    private static string Body(double[] v, int[] shape, int dim, int offset, int indent, bool summarize, ValueFormatter fmt)
    {
        if (shape.Length == 0) return fmt.Format(v[0]);
        int n = shape[dim], stride = 1;
        for (int i = dim + 1; i < shape.Length; i++) stride *= shape[i];
        int remaining = shape.Length - dim;
        if (remaining == 1)
        {
            var items = new List<string>();
            bool cut = summarize && n > 2 * EdgeItems;
            for (int i = 0; i < n; i++)
            {
                if (cut && i == EdgeItems) { items.Add(" ..."); i = n - EdgeItems - 1; continue; }
                items.Add(fmt.Format(v[offset + i]));
            }
            int perLine = Math.Max(1, (LineWidth - indent) / (fmt.Width + 2));
            var lines = items.Chunk(perLine).Select(c => string.Join(", ", c));
            return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
        }
        var slices = new List<string>();
        bool cutRows = summarize && n > 2 * EdgeItems;
        for (int i = 0; i < n; i++)
        {
            if (cutRows && i == EdgeItems) { slices.Add("..."); i = n - EdgeItems - 1; continue; }
            slices.Add(Body(v, shape, dim + 1, offset + i * stride, indent + 1, summarize, fmt));
        }
        return "[" + string.Join("," + new string('\n', remaining - 1) + new string(' ', indent + 1), slices) + "]";
    }

    private sealed class ValueFormatter
    {
        private readonly torch.ScalarType type;
        private readonly bool intMode, sciMode;
        internal readonly int Width;

        internal ValueFormatter(torch.ScalarType type, IEnumerable<double> values)
        {
            this.type = type;
            var list = values.ToList();
            if (type == torch.ScalarType.Float32)
            {
                var finite = list.Where(double.IsFinite).ToList();
                intMode = finite.All(x => x == Math.Ceiling(x));
                var nz = finite.Select(Math.Abs).Where(x => x != 0).ToList();
                if (nz.Count > 0)
                {
                    double max = nz.Max(), min = nz.Min();
                    sciMode = intMode ? max / min > 1000 || max > 1e8 : max / min > 1000 || max > 1e8 || min < 1e-4;
                }
            }
            Width = list.Count == 0 ? 1 : list.Max(x => Raw(x).Length);
        }

        private string Raw(double x)
        {
            if (type == torch.ScalarType.Bool) return x != 0 ? "True" : "False";
            if (type != torch.ScalarType.Float32) return ((long)x).ToString(Inv);
            if (double.IsNaN(x)) return "nan";
            if (double.IsPositiveInfinity(x)) return "inf";
            if (double.IsNegativeInfinity(x)) return "-inf";
            // Python formats the float32 value promoted to double, as we do.
            if (sciMode) return x.ToString("0." + new string('0', Precision) + "e+00", Inv);
            if (intMode) return x.ToString("0", Inv) + ".";
            return x.ToString("F" + Precision, Inv);
        }

        internal string Format(double x) => Raw(x).PadLeft(Width);
    }
}
