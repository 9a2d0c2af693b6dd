namespace GenAI.Torch;

/// <summary>
/// A number handed to an op (TorchSharp: <c>TorchSharp.Scalar</c>). Converts implicitly from the C#
/// numeric types, so <c>x * 2</c>, <c>x + 0.5f</c> and <c>torch.full(shape, 1.5)</c> all compile.
/// </summary>
public readonly struct Scalar
{
    internal readonly double Value;
    internal readonly bool IsIntegral;

    private Scalar(double value, bool integral)
    {
        Value = value;
        IsIntegral = integral;
    }

    public static implicit operator Scalar(double value) => new(value, false);
    public static implicit operator Scalar(float value) => new(value, false);
    public static implicit operator Scalar(int value) => new(value, true);
    public static implicit operator Scalar(long value) => new(value, true);
    public static implicit operator Scalar(bool value) => new(value ? 1 : 0, true);

    public double ToDouble() => Value;
    public float ToSingle() => (float)Value;
    public long ToInt64() => (long)Value;

    public override string ToString() => IsIntegral ? ((long)Value).ToString(System.Globalization.CultureInfo.InvariantCulture)
                                                    : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
