using static GenAI.Torch.torch;

namespace GenAI.Torch.Modules;

/// <summary>y = x·Wᵀ + b with W [out_features, in_features] (TorchSharp: <c>Modules.Linear</c>).</summary>
public sealed class Linear : nn.Module<Tensor, Tensor>
{
    public Parameter weight { get; set; }
    public Parameter? bias { get; set; }
    public long in_features { get; }
    public long out_features { get; }

    internal Linear(long inputSize, long outputSize, bool hasBias) : base(nameof(Linear))
    {
        in_features = inputSize;
        out_features = outputSize;
        weight = new Parameter(empty([outputSize, inputSize]));
        // PyTorch's reset_parameters: kaiming_uniform_(a = √5) gives U(−1/√fan_in, 1/√fan_in); the bias uses the same bound.
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (hasBias)
        {
            bias = new Parameter(empty([outputSize]));
            double bound = inputSize > 0 ? 1 / Math.Sqrt(inputSize) : 0;
            nn.init.uniform_(bias, -bound, bound);
        }
    }

    internal Linear(Parameter weight, Parameter? bias) : base(nameof(Linear))
    {
        this.weight = weight;
        this.bias = bias;
        out_features = weight.size(0);
        in_features = weight.size(1);
    }

    public override Tensor forward(Tensor tensor) => nn.functional.linear(tensor, weight, bias);

    protected override string ExtraRepr() => $"in_features={in_features}, out_features={out_features}, bias={(bias is not null ? "True" : "False")}";
}

