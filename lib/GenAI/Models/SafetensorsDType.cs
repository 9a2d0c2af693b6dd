using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// The element types a safetensors file can hold and how TorchSharp calls them. <see cref="Rank"/> is the position in the
/// reference implementation's <c>Dtype</c> enum (increasing alignment); its writer orders tensors by descending rank,
/// then by name, and so do we.
/// </summary>
internal sealed record SafetensorsDType(string Code, ScalarType ScalarType, int Size, int Rank)
{
    /// <summary>The supported types, in the reference's enum order.</summary>
    public static readonly IReadOnlyList<SafetensorsDType> All =
    [
        new("BOOL", ScalarType.Bool, 1, 0),
        new("U8", ScalarType.Byte, 1, 1),
        new("I8", ScalarType.Int8, 1, 2),
        new("I16", ScalarType.Int16, 2, 3),
        new("F16", ScalarType.Float16, 2, 4),
        new("BF16", ScalarType.BFloat16, 2, 5),
        new("I32", ScalarType.Int32, 4, 6),
        new("F32", ScalarType.Float32, 4, 7),
        new("F64", ScalarType.Float64, 8, 8),
        new("I64", ScalarType.Int64, 8, 9),
    ];

    /// <summary>The type with safetensors name <paramref name="code"/>, or null when we do not support it.</summary>
    public static SafetensorsDType? FromCode(string code) => All.FirstOrDefault(d => d.Code == code);

    /// <summary>The type of a TorchSharp tensor, or null when safetensors (or this reader) has no name for it.</summary>
    public static SafetensorsDType? FromScalarType(ScalarType type) => All.FirstOrDefault(d => d.ScalarType == type);

    /// <summary>The names of all supported types, for error messages.</summary>
    public static string Codes => string.Join(", ", All.Select(d => d.Code));
}
