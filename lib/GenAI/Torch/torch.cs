namespace GenAI.Torch;

/// <summary>
/// Entry point mirroring TorchSharp's <c>TorchSharp.torch</c>: factories, pointwise ops, grad mode
/// and the nested <c>nn</c>, <c>optim</c> and <c>utils.data</c> namespaces-as-classes.
/// Import with <c>using static GenAI.Torch.torch;</c> so notebook code reads like PyTorch.
/// </summary>
public static partial class torch
{
    /// <summary>Element types. Storage is float32 for real numbers and int64 for indices, labels and masks.</summary>
    public enum ScalarType
    {
        Int64 = 4,
        Float32 = 6,
        Bool = 11,
    }

    public static readonly ScalarType float32 = ScalarType.Float32;
    public static readonly ScalarType @float = ScalarType.Float32;
    public static readonly ScalarType int64 = ScalarType.Int64;
    public static readonly ScalarType @long = ScalarType.Int64;
    public static readonly ScalarType @bool = ScalarType.Bool;

    /// <summary>Device handle kept for TorchSharp source compatibility; everything runs on the CPU.</summary>
    public sealed class Device
    {
        public string type { get; }
        internal Device(string type) => this.type = type;
        public override string ToString() => type;
    }

    public static readonly Device CPU = new("cpu");

    public static Device device(string description)
    {
        if (description != "cpu")
            throw new NotSupportedException($"Gerät '{description}' gibt es hier nicht: GenAI.Torch rechnet nur auf der CPU (\"cpu\").");
        return CPU;
    }

    public static partial class cuda
    {
        public static bool is_available() => false;
    }

    internal static void CheckDevice(Device? device)
    {
        if (device is not null && device != CPU)
            throw new NotSupportedException("GenAI.Torch rechnet nur auf der CPU; lass device weg oder nutze torch.CPU.");
    }

    /// <summary>Number of threads the matrix kernels may use (TorchSharp/PyTorch: set_num_threads).</summary>
    public static void set_num_threads(int num)
    {
        if (num < 1) throw new ArgumentOutOfRangeException(nameof(num), "num muss mindestens 1 sein.");
        Parallelism.Threads = num;
    }

    public static int get_num_threads() => Parallelism.Threads;
}
