namespace GenAI.Models;

/// <summary>One tensor as the header describes it: name, element type, shape and byte range in the data section.</summary>
internal sealed record SafetensorsEntry(string Name, SafetensorsDType DType, long[] Shape, long Begin, long End)
{
    public long ByteLength => End - Begin;
}
