using System.Numerics.Tensors;

namespace GenAI.Torch.Modules;

/// <summary>
/// PyTorch's SGD: g ← ±grad + λ·p; with momentum μ: b ← μ·b + (1−τ)·g (b = g on the first step),
/// g ← g + μ·b (Nesterov) or g ← b; then p ← p − lr·g.
/// </summary>
public sealed class SGD : Optimizer
{
    private readonly double momentum, dampening, weightDecay;
    private readonly bool nesterov, maximize;
    private readonly Dictionary<Parameter, float[]> buffers = new(ReferenceEqualityComparer.Instance);

    internal SGD(IEnumerable<Parameter> parameters, double lr, double momentum, double dampening, double weight_decay, bool nesterov, bool maximize) : base(parameters)
    {
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Nesterov-Momentum braucht momentum > 0 und dampening = 0.");
        LearningRate = lr;
        this.momentum = momentum;
        this.dampening = dampening;
        weightDecay = weight_decay;
        this.nesterov = nesterov;
        this.maximize = maximize;
    }

    public override double LearningRate { get; set; }

    private protected override void Update(Parameter p, Span<float> param, ReadOnlySpan<float> grad)
    {
        var g = new float[grad.Length];
        if (maximize) TensorPrimitives.Negate(grad, g); else grad.CopyTo(g);
        if (weightDecay != 0) TensorPrimitives.MultiplyAdd(param, (float)weightDecay, g, g);
        if (momentum != 0)
        {
            if (!buffers.TryGetValue(p, out var buf))
                buffers[p] = buf = (float[])g.Clone();
            else
            {
                // buf = μ·buf + (1−τ)·g
                TensorPrimitives.Multiply(buf, (float)momentum, buf);
                TensorPrimitives.MultiplyAdd(g, (float)(1 - dampening), buf, buf);
            }
            if (nesterov) TensorPrimitives.MultiplyAdd(buf, (float)momentum, g, g);
            else buf.CopyTo(g, 0);
        }
        TensorPrimitives.MultiplyAdd(g, (float)-LearningRate, param, param);
    }
}



