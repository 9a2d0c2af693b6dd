using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// Reads and writes safetensors files (the format of huggingface/safetensors, which PyTorch reads with
/// <c>safetensors.torch.load_file</c>): an 8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and byte range, then the raw little-endian bytes. Our own implementation, so loading weights never
/// depends on TorchSharp.PyBridge (whose reference to an older TorchSharp breaks under the official .NET Interactive kernel).
/// Supported dtypes: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL.
/// </summary>
public static class SafetensorsFile
{
    /// <summary>Reads all tensors of the file at <paramref name="path"/> (CPU tensors, in the order of their data).</summary>
    /// <exception cref="InvalidDataException">The file is not a valid safetensors file; the message names the problem.</exception>
    public static Dictionary<string, Tensor> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Die Datei '{path}' gibt es nicht.", path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>
    /// Reads all tensors from <paramref name="stream"/> (up to its end); <paramref name="source"/> names it in error messages.
    /// </summary>
    public static Dictionary<string, Tensor> Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RequireLittleEndian();
        var header = SafetensorsHeader.Read(stream, source);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in header.Entries)
            {
                if (entry.ByteLength > Array.MaxLength)
                    throw SafetensorsHeader.Invalid(source, $"'{entry.Name}' ist mit {entry.ByteLength} Bytes zu groß für diesen Leser.");
                var bytes = new byte[entry.ByteLength];
                if (stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) < bytes.Length)
                    throw SafetensorsHeader.Invalid(source, $"die Datei endet mitten in den Daten von '{entry.Name}' (abgeschnitten?).");
                var tensor = torch.empty(entry.Shape, dtype: entry.DType.ScalarType);
                tensors.Add(entry.Name, tensor);
                if (bytes.Length > 0) tensor.bytes = bytes;
            }
            if (!stream.CanSeek && stream.ReadByte() != -1)
                throw SafetensorsHeader.Invalid(source, "nach den Daten, die der Header beschreibt, folgen weitere Bytes.");
            return tensors;
        }
        catch
        {
            foreach (var tensor in tensors.Values) tensor.Dispose();
            throw;
        }
    }

    /// <summary>The <c>__metadata__</c> pairs of the file at <paramref name="path"/> (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Die Datei '{path}' gibt es nicht.", path);
        using var stream = File.OpenRead(path);
        return SafetensorsHeader.Read(stream, path).Metadata;
    }

    /// <summary>
    /// Writes <paramref name="tensors"/> to <paramref name="path"/>: first to a temporary file beside it, then renamed, so an
    /// interrupted write never leaves a half-written file. Layout as the reference writer: tensors ordered by dtype
    /// (widest first), then by name.
    /// </summary>
    public static void Write(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = File.Create(temp))
                Write(stream, tensors, metadata);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes <paramref name="tensors"/> in safetensors format to <paramref name="stream"/> (contiguous CPU copies).</summary>
    public static void Write(Stream stream, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        RequireLittleEndian();
        using var scope = torch.NewDisposeScope();
        var items = new List<(SafetensorsEntry Entry, Tensor Data)>();
        foreach (var (name, tensor) in tensors)
        {
            var dtype = SafetensorsDType.FromScalarType(tensor.dtype)
                        ?? throw new ArgumentException(
                            $"Der Tensor '{name}' hat den Typ {tensor.dtype}, den safetensors hier nicht speichern kann "
                            + $"(unterstützt: {SafetensorsDType.Codes}); wandle ihn vorher um, z. B. mit .to(float32).", nameof(tensors));
            items.Add((new SafetensorsEntry(name, dtype, tensor.shape, 0, 0), tensor.detach().cpu().contiguous()));
        }
        items.Sort((a, b) => a.Entry.DType.Rank != b.Entry.DType.Rank
            ? b.Entry.DType.Rank.CompareTo(a.Entry.DType.Rank)
            : SafetensorsHeader.Utf8Order.Instance.Compare(a.Entry.Name, b.Entry.Name));
        var entries = new List<SafetensorsEntry>(items.Count);
        long offset = 0;
        foreach (var (entry, data) in items)
        {
            long length = data.NumberOfElements * entry.DType.Size;
            entries.Add(entry with { Begin = offset, End = offset + length });
            offset += length;
        }
        stream.Write(SafetensorsHeader.Serialize(entries, metadata));
        foreach (var (_, data) in items)
            if (data.NumberOfElements > 0) stream.Write(data.bytes);
    }

    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("safetensors speichert little-endian; dieser Rechner ist big-endian.");
    }
}
