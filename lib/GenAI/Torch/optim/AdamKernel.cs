using System.Runtime.Intrinsics;

namespace GenAI.Torch;

/// <summary>
/// One Adam step over a parameter, element i (PyTorch's non-fused update, in float32):
/// g = ±grad[i] (+ wd·p[i]); m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; (amsgrad: v̂ = max(v̂, v), used below)
/// p[i] −= stepSize · m / (√v / √(1−β₂ᵗ) + ε), with stepSize = lr / (1−β₁ᵗ).
/// Vectorised with Vector512/Vector256 where the hardware has them; the tail (and no-SIMD machines) run the scalar form.
/// </summary>
internal static class AdamKernel
{
    internal static void Update(Span<float> p, ReadOnlySpan<float> grad, float[] m, float[] v, float[]? vmax,
        float b1, float b2, float stepSize, float bc2Sqrt, float eps, float wd, bool maximize)
    {
        int i = 0, n = p.Length;
        float sign = maximize ? -1 : 1, ob1 = 1 - b1, ob2 = 1 - b2;
        if (vmax is null && Vector512.IsHardwareAccelerated)
        {
            var vs = Vector512.Create(sign); var vwd = Vector512.Create(wd); var vb1 = Vector512.Create(b1); var vob1 = Vector512.Create(ob1);
            var vb2 = Vector512.Create(b2); var vob2 = Vector512.Create(ob2); var vbc = Vector512.Create(bc2Sqrt); var veps = Vector512.Create(eps);
            var vstep = Vector512.Create(stepSize);
            for (; i <= n - 16; i += 16)
            {
                var pi = Vector512.Create(p.Slice(i, 16));
                var g = Vector512.Create(grad.Slice(i, 16)) * vs + vwd * pi;
                var mi = vb1 * Vector512.Create(m.AsSpan(i, 16)) + vob1 * g;
                var vi = vb2 * Vector512.Create(v.AsSpan(i, 16)) + vob2 * g * g;
                mi.CopyTo(m.AsSpan(i, 16));
                vi.CopyTo(v.AsSpan(i, 16));
                var denom = Vector512.Sqrt(vi) / vbc + veps;
                (pi - vstep * mi / denom).CopyTo(p.Slice(i, 16));
            }
        }
        else if (vmax is null && Vector256.IsHardwareAccelerated)
        {
            var vs = Vector256.Create(sign); var vwd = Vector256.Create(wd); var vb1 = Vector256.Create(b1); var vob1 = Vector256.Create(ob1);
            var vb2 = Vector256.Create(b2); var vob2 = Vector256.Create(ob2); var vbc = Vector256.Create(bc2Sqrt); var veps = Vector256.Create(eps);
            var vstep = Vector256.Create(stepSize);
            for (; i <= n - 8; i += 8)
            {
                var pi = Vector256.Create(p.Slice(i, 8));
                var g = Vector256.Create(grad.Slice(i, 8)) * vs + vwd * pi;
                var mi = vb1 * Vector256.Create(m.AsSpan(i, 8)) + vob1 * g;
                var vi = vb2 * Vector256.Create(v.AsSpan(i, 8)) + vob2 * g * g;
                mi.CopyTo(m.AsSpan(i, 8));
                vi.CopyTo(v.AsSpan(i, 8));
                var denom = Vector256.Sqrt(vi) / vbc + veps;
                (pi - vstep * mi / denom).CopyTo(p.Slice(i, 8));
            }
        }
        for (; i < n; i++)
        {
            float g = sign * grad[i];
            if (wd != 0) g += wd * p[i];
            m[i] = b1 * m[i] + ob1 * g;
            v[i] = b2 * v[i] + ob2 * g * g;
            float vv = v[i];
            if (vmax is not null) { vmax[i] = MathF.Max(vmax[i], vv); vv = vmax[i]; }
            p[i] -= stepSize * m[i] / (MathF.Sqrt(vv) / bc2Sqrt + eps);
        }
    }
}
