using static GenAI.Torch.torch;

namespace GenAI.Torch.Modules;

/// <summary>Layer normalisation (Ba et al. 2016) over the last dims given by normalized_shape, biased variance.</summary>
public sealed class LayerNorm : nn.Module<Tensor, Tensor>
{
    public Parameter? weight { get; set; }
    public Parameter? bias { get; set; }
    private readonly long[] normalizedShape;
    private readonly double eps;

    internal LayerNorm(long[] normalized_shape, double eps, bool elementwise_affine, bool bias) : base(nameof(LayerNorm))
    {
        normalizedShape = normalized_shape;
        this.eps = eps;
        if (elementwise_affine)
        {
            weight = new Parameter(ones(normalized_shape));
            if (bias) this.bias = new Parameter(zeros(normalized_shape));
        }
    }

    public override Tensor forward(Tensor input) => nn.functional.layer_norm(input, normalizedShape, weight, bias, eps);

    protected override string ExtraRepr() => $"({string.Join(", ", normalizedShape)},), eps={eps}, elementwise_affine={(weight is not null ? "True" : "False")}";
}

/// <summary>
/// Batch normalisation (Ioffe &amp; Szegedy 2015) over all dims except the channel dim 1. Training uses
/// batch statistics and updates running_mean/var (unbiased variance) with <c>momentum</c>; eval uses the running ones.
/// </summary>
public abstract class BatchNorm : nn.Module<Tensor, Tensor>
{
    public Parameter? weight { get; set; }
    public Parameter? bias { get; set; }
    public Tensor? running_mean { get; set; }
    public Tensor? running_var { get; set; }
    public Tensor? num_batches_tracked { get; set; }
    private readonly long numFeatures;
    private readonly double eps, momentum;

    private protected BatchNorm(string name, long num_features, double eps, double momentum, bool affine, bool track_running_stats) : base(name)
    {
        numFeatures = num_features;
        this.eps = eps;
        this.momentum = momentum;
        if (affine)
        {
            weight = new Parameter(ones(num_features));
            bias = new Parameter(zeros(num_features));
        }
        if (track_running_stats)
        {
            // Module state outlives any dispose scope the module was built in.
            running_mean = zeros(num_features).DetachFromDisposeScope();
            running_var = ones(num_features).DetachFromDisposeScope();
            num_batches_tracked = zeros(1, ScalarType.Int64).reshape().DetachFromDisposeScope();
        }
    }

    private protected abstract void CheckInput(Tensor input);

    public override Tensor forward(Tensor input)
    {
        CheckInput(input);
        if (input.size(1) != numFeatures)
            throw new ArgumentException($"{GetType().Name}: Eingabe hat {input.size(1)} Kanäle in Dimension 1, erwartet werden {numFeatures}.");
        return nn.functional.batch_norm(input, running_mean, running_var, weight, bias, training || running_mean is null, momentum, eps, num_batches_tracked);
    }

    protected override string ExtraRepr() => $"{numFeatures}, eps={eps}, momentum={momentum}, affine={(weight is not null ? "True" : "False")}, track_running_stats={(running_mean is not null ? "True" : "False")}";
}

public sealed class BatchNorm1d : BatchNorm
{
    internal BatchNorm1d(long num_features, double eps, double momentum, bool affine, bool track_running_stats)
        : base(nameof(BatchNorm1d), num_features, eps, momentum, affine, track_running_stats) { }

    private protected override void CheckInput(Tensor input)
    {
        if (input.dim() is not (2 or 3)) throw new ArgumentException($"BatchNorm1d erwartet [N, C] oder [N, C, L], bekam [{string.Join(", ", input.shape)}].");
    }
}

public sealed class BatchNorm2d : BatchNorm
{
    internal BatchNorm2d(long num_features, double eps, double momentum, bool affine, bool track_running_stats)
        : base(nameof(BatchNorm2d), num_features, eps, momentum, affine, track_running_stats) { }

    private protected override void CheckInput(Tensor input)
    {
        if (input.dim() != 4) throw new ArgumentException($"BatchNorm2d erwartet [N, C, H, W], bekam [{string.Join(", ", input.shape)}].");
    }
}
