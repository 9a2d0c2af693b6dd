using static GenAI.Torch.torch;

namespace GenAI.Torch.Modules;

public sealed class ReLU() : nn.Module<Tensor, Tensor>(nameof(ReLU))
{
    public override Tensor forward(Tensor tensor) => tensor.relu();
}

public sealed class LeakyReLU(double negative_slope) : nn.Module<Tensor, Tensor>(nameof(LeakyReLU))
{
    public double negative_slope { get; } = negative_slope;
    public override Tensor forward(Tensor tensor) => tensor.leaky_relu(negative_slope);
    protected override string ExtraRepr() => $"negative_slope={negative_slope}";
}

public sealed class Sigmoid() : nn.Module<Tensor, Tensor>(nameof(Sigmoid))
{
    public override Tensor forward(Tensor tensor) => tensor.sigmoid();
}

public sealed class Tanh() : nn.Module<Tensor, Tensor>(nameof(Tanh))
{
    public override Tensor forward(Tensor tensor) => tensor.tanh();
}

public sealed class GELU(GELU.Approximate approximate) : nn.Module<Tensor, Tensor>(nameof(GELU))
{
    public enum Approximate { none, tanh }
    public override Tensor forward(Tensor tensor) => tensor.gelu(approximate == Approximate.tanh ? "tanh" : "none");
}

/// <summary>SiLU / swish: x·σ(x).</summary>
public sealed class SiLU() : nn.Module<Tensor, Tensor>(nameof(SiLU))
{
    public override Tensor forward(Tensor tensor) => tensor.mul(tensor.sigmoid());
}

public sealed class Softmax(long dim) : nn.Module<Tensor, Tensor>(nameof(Softmax))
{
    public override Tensor forward(Tensor tensor) => tensor.softmax(dim);
    protected override string ExtraRepr() => $"dim={dim}";
}

public sealed class LogSoftmax(long dim) : nn.Module<Tensor, Tensor>(nameof(LogSoftmax))
{
    public override Tensor forward(Tensor tensor) => tensor.log_softmax(dim);
    protected override string ExtraRepr() => $"dim={dim}";
}

public sealed class Identity() : nn.Module<Tensor, Tensor>(nameof(Identity))
{
    public override Tensor forward(Tensor tensor) => tensor;
}

/// <summary>Zeroes each element with probability p in training and scales the rest by 1/(1−p) (Srivastava et al. 2014).</summary>
public sealed class Dropout(double p) : nn.Module<Tensor, Tensor>(nameof(Dropout))
{
    public double p { get; } = p;
    public override Tensor forward(Tensor tensor) => nn.functional.dropout(tensor, p, training);
    protected override string ExtraRepr() => $"p={p}";
}

public sealed class Flatten(long start_dim, long end_dim) : nn.Module<Tensor, Tensor>(nameof(Flatten))
{
    public override Tensor forward(Tensor tensor) => tensor.flatten(start_dim, end_dim);
    protected override string ExtraRepr() => $"start_dim={start_dim}, end_dim={end_dim}";
}

public sealed class Unflatten(long dim, long[] unflattened_size) : nn.Module<Tensor, Tensor>(nameof(Unflatten))
{
    public override Tensor forward(Tensor tensor) => tensor.unflatten(dim, unflattened_size);
    protected override string ExtraRepr() => $"dim={dim}, unflattened_size=({string.Join(", ", unflattened_size)})";
}
