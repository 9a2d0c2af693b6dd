using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using static GenAI.Torch.torch;

namespace GenAI.Torch;

/// <summary>
/// The safetensors format (huggingface/safetensors): 8-byte little-endian header length N, N bytes of
/// JSON {"name": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {…}}, then raw
/// little-endian tensor bytes, offsets relative to the end of the header.
/// </summary>
public static class Safetensors
{
    /// <summary>Writes the tensors to <paramref name="path"/> via a temp file and rename, so a failure never leaves half a file.</summary>
    public static void Save(IReadOnlyDictionary<string, Tensor> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var fs = File.Create(tmp)) Write(tensors, fs, metadata);
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    public static void Write(IReadOnlyDictionary<string, Tensor> tensors, Stream stream, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var names = tensors.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var header = new Dictionary<string, object>();
        if (metadata is { Count: > 0 }) header["__metadata__"] = metadata;
        long pos = 0;
        foreach (var n in names)
        {
            var t = tensors[n];
            long bytes = t.numel() * (t.dtype == ScalarType.Float32 ? 4 : t.dtype == ScalarType.Bool ? 1 : 8);
            header[n] = new Dictionary<string, object>
            {
                ["dtype"] = t.dtype switch { ScalarType.Float32 => "F32", ScalarType.Bool => "BOOL", _ => "I64" },
                ["shape"] = t.shape,
                ["data_offsets"] = new[] { pos, pos + bytes },
            };
            pos += bytes;
        }
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        int padded = (json.Length + 7) / 8 * 8; // the spec pads the header with spaces to 8-byte alignment
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)padded);
        stream.Write(len);
        stream.Write(json);
        for (int i = json.Length; i < padded; i++) stream.WriteByte((byte)' ');
        foreach (var n in names)
        {
            var t = tensors[n];
            if (t.dtype == ScalarType.Float32)
            {
                var data = t.ToArray<float>();
                if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors braucht eine Little-Endian-Maschine.");
                stream.Write(MemoryMarshal.AsBytes(data.AsSpan()));
            }
            else if (t.dtype == ScalarType.Bool)
                foreach (var v in t.ToArray<long>()) stream.WriteByte(v != 0 ? (byte)1 : (byte)0);
            else
                stream.Write(MemoryMarshal.AsBytes(t.ToArray<long>().AsSpan()));
        }
    }

    public static Dictionary<string, Tensor> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Die safetensors-Datei '{path}' gibt es nicht.", path);
        using var fs = File.OpenRead(path);
        return Read(fs, path);
    }

    /// <summary>Reads F32/F64/F16/BF16 as float32 and I64/I32/I16/I8/U8/BOOL as int64 (BOOL as bool).</summary>
    public static Dictionary<string, Tensor> Read(Stream stream, string? sourceName = null)
    {
        string where = sourceName ?? "safetensors-Daten";
        Span<byte> len = stackalloc byte[8];
        stream.ReadExactly(len);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(len);
        if (n == 0 || n > 100_000_000) throw new InvalidDataException($"{where}: ungültige Header-Länge {n}; ist das eine safetensors-Datei?");
        var headerBytes = new byte[n];
        stream.ReadExactly(headerBytes);
        using var doc = JsonDocument.Parse(headerBytes);
        var entries = new List<(string name, string dtype, long[] shape, long begin, long end)>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Name == "__metadata__") continue;
            var dtype = p.Value.GetProperty("dtype").GetString()!;
            var shape = p.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var offs = p.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            entries.Add((p.Name, dtype, shape, offs[0], offs[1]));
        }
        long dataLen = entries.Count == 0 ? 0 : entries.Max(e => e.end);
        var data = new byte[dataLen];
        stream.ReadExactly(data);
        var result = new Dictionary<string, Tensor>();
        foreach (var (name, dtype, shape, begin, end) in entries)
        {
            long count = shape.Aggregate(1L, (a, b) => a * b);
            var bytes = data.AsSpan((int)begin, (int)(end - begin));
            int size = dtype switch { "F32" or "I32" => 4, "F64" or "I64" => 8, "F16" or "BF16" or "I16" => 2, "I8" or "U8" or "BOOL" => 1,
                _ => throw new InvalidDataException($"{where}: dtype '{dtype}' von '{name}' wird nicht unterstützt.") };
            if (bytes.Length != count * size)
                throw new InvalidDataException($"{where}: '{name}' hat {bytes.Length} Bytes, Form [{string.Join(", ", shape)}] mit {dtype} braucht {count * size}.");
            Tensor t;
            switch (dtype)
            {
                case "F32": t = tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape); break;
                case "F64": t = tensor(MemoryMarshal.Cast<byte, double>(bytes).ToArray().Select(x => (float)x).ToArray(), shape); break;
                case "F16": t = tensor(MemoryMarshal.Cast<byte, Half>(bytes).ToArray().Select(x => (float)x).ToArray(), shape); break;
                case "BF16": t = tensor(MemoryMarshal.Cast<byte, ushort>(bytes).ToArray().Select(x => BitConverter.Int32BitsToSingle(x << 16)).ToArray(), shape); break;
                case "I64": t = tensor(MemoryMarshal.Cast<byte, long>(bytes).ToArray(), shape); break;
                case "I32": t = tensor(MemoryMarshal.Cast<byte, int>(bytes).ToArray().Select(x => (long)x).ToArray(), shape); break;
                case "I16": t = tensor(MemoryMarshal.Cast<byte, short>(bytes).ToArray().Select(x => (long)x).ToArray(), shape); break;
                case "I8": t = tensor(MemoryMarshal.Cast<byte, sbyte>(bytes).ToArray().Select(x => (long)x).ToArray(), shape); break;
                case "U8": t = tensor(bytes.ToArray().Select(x => (long)x).ToArray(), shape); break;
                default: t = tensor(bytes.ToArray().Select(x => x != 0).ToArray(), shape); break;
            }
            result[name] = t;
        }
        return result;
    }
}
