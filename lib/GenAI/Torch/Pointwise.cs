using System.Numerics.Tensors;

namespace GenAI.Torch;

internal delegate void SpanMap(ReadOnlySpan<float> x, Span<float> d);

internal delegate float ElementGrad(float x, float y);

/// <summary>Vectorised gradient: d[i] = g[i]·f'(x[i]) given input x and output y.</summary>
internal delegate void SpanGrad(ReadOnlySpan<float> g, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d);

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>y = f(x) elementwise via a span kernel; the derivative is dy/dx = df(x, y), times g.</summary>
        private Tensor Map(string name, SpanMap f, ElementGrad? df, SpanGrad? fastGrad = null)
        {
            var x = contiguous();
            if (!x.IsFloat) x = x.to_type(ScalarType.Float32);
            var r = Empty(sh);
            f(x.Span, r.Span);
            if (df is not null && NeedsGrad(this))
                Record(r, name, [this], g =>
                {
                    if (fastGrad is null || is_grad_enabled()) return [MapGrad(g, x, r, df)];
                    var gc = g.contiguous();
                    var gx = Empty(x.sh);
                    fastGrad(gc.Span, x.Span, r.Span, gx.Span);
                    return [gx];
                });
            return r;
        }

        /// <summary>gx[i] = g[i]·df(x[i], y[i]); differentiable itself only through the g factor.</summary>
        private static Tensor MapGrad(Tensor g, Tensor x, Tensor y, ElementGrad df)
        {
            var gc = g.contiguous();
            var gx = Empty(x.sh);
            var gs = gc.Span; var xs = x.Span; var ys = y.Span; var d = gx.Span;
            for (int i = 0; i < d.Length; i++) d[i] = gs[i] * df(xs[i], ys[i]);
            if (is_grad_enabled() && g.requires_grad)
            {
                // create_graph: express as g * (local derivative) so the product is recorded.
                var local = Empty(x.sh);
                var ls = local.Span;
                for (int i = 0; i < ls.Length; i++) ls[i] = df(xs[i], ys[i]);
                return g.mul(local);
            }
            return gx;
        }

        public Tensor neg() => Map("NegBackward0", static (x, d) => TensorPrimitives.Negate(x, d), static (x, y) => -1);
        public Tensor exp() => Map("ExpBackward0", static (x, d) => TensorPrimitives.Exp(x, d), static (x, y) => y);
        public Tensor log() => Map("LogBackward0", static (x, d) => TensorPrimitives.Log(x, d), static (x, y) => 1 / x);
        public Tensor sqrt() => Map("SqrtBackward0", static (x, d) => TensorPrimitives.Sqrt(x, d), static (x, y) => 0.5f / y);
        public Tensor rsqrt() => Map("RsqrtBackward0", static (x, d) => { TensorPrimitives.Sqrt(x, d); TensorPrimitives.Reciprocal(d, d); }, static (x, y) => -0.5f * y * y * y);
        public Tensor abs() => Map("AbsBackward0", static (x, d) => TensorPrimitives.Abs(x, d), static (x, y) => MathF.Sign(x));
        public Tensor sin() => Map("SinBackward0", static (x, d) => TensorPrimitives.Sin(x, d), static (x, y) => MathF.Cos(x));
        public Tensor cos() => Map("CosBackward0", static (x, d) => TensorPrimitives.Cos(x, d), static (x, y) => -MathF.Sin(x));
        public Tensor sigmoid() => Map("SigmoidBackward0", static (x, d) => TensorPrimitives.Sigmoid(x, d), static (x, y) => y * (1 - y), GradKernels.Sigmoid);
        public Tensor tanh() => Map("TanhBackward0", static (x, d) => TensorPrimitives.Tanh(x, d), static (x, y) => 1 - y * y, GradKernels.Tanh);
        public Tensor relu() => Map("ReluBackward0", static (x, d) => TensorPrimitives.Max(x, 0f, d), static (x, y) => x > 0 ? 1 : 0, GradKernels.Relu);
        public Tensor sign() => Map("SignBackward0", static (x, d) => { for (int i = 0; i < d.Length; i++) d[i] = MathF.Sign(x[i]); }, static (x, y) => 0);
        public Tensor reciprocal() => Map("ReciprocalBackward0", static (x, d) => TensorPrimitives.Reciprocal(x, d), static (x, y) => -y * y);
        public Tensor log1p() => Map("Log1PBackward0", static (x, d) => TensorPrimitives.LogP1(x, d), static (x, y) => 1 / (1 + x));

        /// <summary>softplus(x) = log(1 + exp(x)), computed stably as max(x,0) + log1p(exp(-|x|)).</summary>
        public Tensor softplus() => Map("SoftplusBackward0", static (x, d) =>
        {
            for (int i = 0; i < d.Length; i++) d[i] = MathF.Max(x[i], 0) + MathF.Log(1 + MathF.Exp(-MathF.Abs(x[i])));
        }, static (x, y) => 1 / (1 + MathF.Exp(-x)));

        public Tensor leaky_relu(double negative_slope = 0.01)
        {
            float s = (float)negative_slope;
            return Map("LeakyReluBackward0", (x, d) => { for (int i = 0; i < d.Length; i++) d[i] = x[i] > 0 ? x[i] : s * x[i]; },
                       (x, y) => x > 0 ? 1 : s);
        }

        /// <summary>GELU (Hendrycks &amp; Gimpel 2016): x·Φ(x) exactly, or the tanh approximation when approximate == "tanh".</summary>
        public Tensor gelu(string approximate = "none")
        {
            if (approximate == "tanh")
            {
                const float c = 0.7978845608f; // √(2/π)
                return Map("GeluBackward0", static (x, d) =>
                {
                    for (int i = 0; i < d.Length; i++) { float v = x[i]; d[i] = 0.5f * v * (1 + MathF.Tanh(c * (v + 0.044715f * v * v * v))); }
                }, static (v, y) =>
                {
                    float u = c * (v + 0.044715f * v * v * v), t = MathF.Tanh(u);
                    return 0.5f * (1 + t) + 0.5f * v * (1 - t * t) * c * (1 + 3 * 0.044715f * v * v);
                });
            }
            if (approximate != "none") throw new ArgumentException($"approximate muss \"none\" oder \"tanh\" sein, nicht \"{approximate}\".");
            return Map("GeluBackward0", static (x, d) =>
            {
                for (int i = 0; i < d.Length; i++) d[i] = 0.5f * x[i] * (1 + SpecialFunctions.Erf(x[i] * 0.70710678f));
            }, static (v, y) => 0.5f * (1 + SpecialFunctions.Erf(v * 0.70710678f)) + v * 0.39894228f * MathF.Exp(-0.5f * v * v));
        }

        public Tensor clamp(Scalar? min = null, Scalar? max = null)
        {
            float lo = min is { } a ? a.ToSingle() : float.NegativeInfinity;
            float hi = max is { } b ? b.ToSingle() : float.PositiveInfinity;
            return Map("ClampBackward1", (x, d) => TensorPrimitives.Clamp(x, lo, hi, d), (x, y) => x >= lo && x <= hi ? 1 : 0);
        }

        public Tensor clamp_min(Scalar min) => clamp(min, null);
        public Tensor clamp_max(Scalar max) => clamp(null, max);
        public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);

        public Tensor relu_() { using (no_grad()) copy_(relu()); return this; }
        public Tensor clamp_(Scalar? min = null, Scalar? max = null) { CheckInPlace("clamp_"); using (no_grad()) copy_(clamp(min, max)); return this; }
    }

    public static Tensor neg(Tensor input) => input.neg();
    public static Tensor exp(Tensor input) => input.exp();
    public static Tensor log(Tensor input) => input.log();
    public static Tensor sqrt(Tensor input) => input.sqrt();
    public static Tensor rsqrt(Tensor input) => input.rsqrt();
    public static Tensor abs(Tensor input) => input.abs();
    public static Tensor sin(Tensor input) => input.sin();
    public static Tensor cos(Tensor input) => input.cos();
    public static Tensor sigmoid(Tensor input) => input.sigmoid();
    public static Tensor tanh(Tensor input) => input.tanh();
    public static Tensor relu(Tensor input) => input.relu();
    public static Tensor sign(Tensor input) => input.sign();
    public static Tensor log1p(Tensor input) => input.log1p();
    public static Tensor clamp(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp(min, max);
    public static Tensor clip(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp(min, max);
}

/// <summary>Functions .NET's Math lacks.</summary>
internal static class SpecialFunctions
{
    /// <summary>erf(x) by Abramowitz &amp; Stegun 7.1.26 (|error| ≤ 1.5e-7, below float32 resolution near 1).</summary>
    internal static float Erf(float x)
    {
        double ax = Math.Abs(x);
        double t = 1.0 / (1.0 + 0.3275911 * ax);
        double y = 1.0 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-ax * ax);
        return (float)(x < 0 ? -y : y);
    }
}
