using static GenAI.Torch.torch;

namespace GenAI.Torch.Modules;

/// <summary>2-D convolution: [N, C_in, H, W] → [N, C_out, H_out, W_out] with weight [C_out, C_in/groups, kh, kw].</summary>
public sealed class Conv2d : nn.Module<Tensor, Tensor>
{
    public Parameter weight { get; set; }
    public Parameter? bias { get; set; }
    private readonly (int h, int w) stride, padding, dilation;
    private readonly int groups;

    internal Conv2d(long in_channels, long out_channels, (long, long) kernel, (long, long) stride, (long, long) padding, (long, long) dilation, long groups, bool bias)
        : base(nameof(Conv2d))
    {
        if (in_channels % groups != 0 || out_channels % groups != 0) throw new ArgumentException("Conv2d: in_channels und out_channels müssen durch groups teilbar sein.");
        this.stride = ((int)stride.Item1, (int)stride.Item2);
        this.padding = ((int)padding.Item1, (int)padding.Item2);
        this.dilation = ((int)dilation.Item1, (int)dilation.Item2);
        this.groups = (int)groups;
        weight = new Parameter(empty([out_channels, in_channels / groups, kernel.Item1, kernel.Item2]));
        // PyTorch's reset_parameters: kaiming_uniform_(a = √5) → U(±1/√fan_in), fan_in = C_in/groups·kh·kw; bias alike.
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias)
        {
            var (fanIn, _) = nn.init.CalculateFanInAndFanOut(weight);
            double bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
            this.bias = new Parameter(empty([out_channels]));
            nn.init.uniform_(this.bias, -bound, bound);
        }
    }

    public override Tensor forward(Tensor input) => ConvOps.Conv2d(input, weight, bias, stride, padding, dilation, groups);

    protected override string ExtraRepr() =>
        $"{weight.size(1) * groups}, {weight.size(0)}, kernel_size=({weight.size(2)}, {weight.size(3)}), stride=({stride.h}, {stride.w})" +
        (padding != (0, 0) ? $", padding=({padding.h}, {padding.w})" : "") + (bias is null ? ", bias=False" : "");
}

/// <summary>Transposed 2-D convolution (the adjoint of Conv2d): weight [C_in, C_out/groups, kh, kw].</summary>
public sealed class ConvTranspose2d : nn.Module<Tensor, Tensor>
{
    public Parameter weight { get; set; }
    public Parameter? bias { get; set; }
    private readonly (int h, int w) stride, padding, outputPadding, dilation;
    private readonly int groups;

    internal ConvTranspose2d(long in_channels, long out_channels, (long, long) kernel, (long, long) stride, (long, long) padding, (long, long) output_padding, (long, long) dilation, long groups, bool bias)
        : base(nameof(ConvTranspose2d))
    {
        if (in_channels % groups != 0 || out_channels % groups != 0) throw new ArgumentException("ConvTranspose2d: in_channels und out_channels müssen durch groups teilbar sein.");
        this.stride = ((int)stride.Item1, (int)stride.Item2);
        this.padding = ((int)padding.Item1, (int)padding.Item2);
        outputPadding = ((int)output_padding.Item1, (int)output_padding.Item2);
        this.dilation = ((int)dilation.Item1, (int)dilation.Item2);
        if (outputPadding.h >= Math.Max(this.stride.h, this.dilation.h) || outputPadding.w >= Math.Max(this.stride.w, this.dilation.w))
            throw new ArgumentException("ConvTranspose2d: output_padding muss kleiner als stride oder dilation sein.");
        this.groups = (int)groups;
        weight = new Parameter(empty([in_channels, out_channels / groups, kernel.Item1, kernel.Item2]));
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias)
        {
            var (fanIn, _) = nn.init.CalculateFanInAndFanOut(weight);
            double bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
            this.bias = new Parameter(empty([out_channels]));
            nn.init.uniform_(this.bias, -bound, bound);
        }
    }

    public override Tensor forward(Tensor input) => ConvOps.ConvTranspose2d(input, weight, bias, stride, padding, outputPadding, dilation, groups);

    protected override string ExtraRepr() =>
        $"{weight.size(0)}, {weight.size(1) * groups}, kernel_size=({weight.size(2)}, {weight.size(3)}), stride=({stride.h}, {stride.w})" +
        (padding != (0, 0) ? $", padding=({padding.h}, {padding.w})" : "") + (outputPadding != (0, 0) ? $", output_padding=({outputPadding.h}, {outputPadding.w})" : "");
}

/// <summary>Max over kh×kw windows; stride defaults to the kernel size.</summary>
public sealed class MaxPool2d : nn.Module<Tensor, Tensor>
{
    private readonly (int h, int w) kernel, stride, padding, dilation;
    private readonly bool ceilMode;

    internal MaxPool2d((long, long) kernel, (long, long) stride, (long, long) padding, (long, long) dilation, bool ceil_mode) : base(nameof(MaxPool2d))
    {
        this.kernel = ((int)kernel.Item1, (int)kernel.Item2);
        this.stride = ((int)stride.Item1, (int)stride.Item2);
        this.padding = ((int)padding.Item1, (int)padding.Item2);
        this.dilation = ((int)dilation.Item1, (int)dilation.Item2);
        ceilMode = ceil_mode;
    }

    public override Tensor forward(Tensor input) => PoolOps.MaxPool2d(input, kernel, stride, padding, dilation, ceilMode);

    protected override string ExtraRepr() => $"kernel_size={kernel.h}, stride={stride.h}, padding={padding.h}, dilation={dilation.h}, ceil_mode={(ceilMode ? "True" : "False")}";
}

/// <summary>Nearest-neighbour upsampling of [N, C, H, W] to a size or by a scale factor.</summary>
public sealed class Upsample : nn.Module<Tensor, Tensor>
{
    private readonly long[]? size;
    private readonly double[]? scaleFactor;

    internal Upsample(long[]? size, double[]? scale_factor, UpsampleMode mode) : base(nameof(Upsample))
    {
        if (mode != UpsampleMode.Nearest) throw new NotSupportedException($"Upsample: nur mode = UpsampleMode.Nearest ist implementiert, nicht {mode}.");
        if ((size is null) == (scale_factor is null)) throw new ArgumentException("Upsample: gib entweder size oder scale_factor an.");
        this.size = size;
        scaleFactor = scale_factor;
    }

    public override Tensor forward(Tensor input) => nn.functional.interpolate(input, size, scaleFactor);

    protected override string ExtraRepr() => size is not null ? $"size=({string.Join(", ", size)}), mode='nearest'" : $"scale_factor={string.Join(", ", scaleFactor!)}, mode='nearest'";
}
