
namespace GenAI.Torch.Modules;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) exactly as PyTorch updates it, step t:
/// g ← ±grad (+ λ·p for Adam's L2 decay); m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
/// p ← p − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)   (amsgrad: v replaced by its running max).
/// AdamW (Loshchilov &amp; Hutter 2019) instead decays first: p ← p·(1 − lr·λ).
/// </summary>
public class Adam : Optimizer
{
    private readonly double beta1, beta2, eps, weightDecay;
    private readonly bool amsgrad, maximize, decoupled;
    private readonly Dictionary<Parameter, State> states = new(ReferenceEqualityComparer.Instance);

    private sealed class State(int n)
    {
        public long Step;
        public readonly float[] ExpAvg = new float[n];
        public readonly float[] ExpAvgSq = new float[n];
        public float[]? MaxExpAvgSq;
    }

    private protected Adam(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize, bool decoupled)
        : base(parameters)
    {
        if (lr < 0) throw new ArgumentOutOfRangeException(nameof(lr), "Die Lernrate muss ≥ 0 sein.");
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta1), "beta1 und beta2 müssen in [0, 1) liegen.");
        LearningRate = lr;
        this.beta1 = beta1; this.beta2 = beta2; this.eps = eps;
        weightDecay = weight_decay; this.amsgrad = amsgrad; this.maximize = maximize; this.decoupled = decoupled;
    }

    internal Adam(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize)
        : this(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupled: false) { }

    public override double LearningRate { get; set; }

    private protected override void Update(Parameter p, Span<float> param, ReadOnlySpan<float> grad)
    {
        if (!states.TryGetValue(p, out var s)) states[p] = s = new State(param.Length);
        s.Step++;
        double lr = LearningRate;
        if (decoupled && weightDecay != 0)
        {
            float decay = (float)(1 - lr * weightDecay);
            for (int i = 0; i < param.Length; i++) param[i] *= decay;
        }
        float b1 = (float)beta1, b2 = (float)beta2;
        double bc1 = 1 - Math.Pow(beta1, s.Step), bc2 = 1 - Math.Pow(beta2, s.Step);
        float stepSize = (float)(lr / bc1);
        float bc2Sqrt = (float)Math.Sqrt(bc2);
        float e = (float)eps;
        float wd = decoupled ? 0 : (float)weightDecay;
        var m = s.ExpAvg; var v = s.ExpAvgSq;
        if (amsgrad) s.MaxExpAvgSq ??= new float[param.Length];
        AdamKernel.Update(param, grad, m, v, s.MaxExpAvgSq, b1, b2, stepSize, bc2Sqrt, e, wd, maximize);
    }
}

/// <summary>Adam with decoupled weight decay (PyTorch's AdamW; default weight_decay 0.01 in PyTorch, 0 in TorchSharp's signature).</summary>
public sealed class AdamW : Adam
{
    internal AdamW(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize)
        : base(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupled: true) { }
}



