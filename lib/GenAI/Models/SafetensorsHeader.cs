using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GenAI.Core;

namespace GenAI.Models;

/// <summary>
/// The header of a safetensors file: 8 bytes little-endian length N, then N bytes of UTF-8 JSON
/// <c>{"__metadata__":{…},"name":{"dtype":"F32","shape":[…],"data_offsets":[begin,end]},…}</c>.
/// <see cref="Read"/> validates everything the data section depends on; <see cref="Serialize"/> writes it the way
/// the reference writer (huggingface/safetensors) does: compact JSON, metadata first, padded with spaces to a multiple of 8.
/// </summary>
internal sealed class SafetensorsHeader
{
    /// <summary>The reference reader refuses larger headers; so do we (a corrupt length would otherwise allocate gigabytes).</summary>
    private const long MaxHeaderBytes = 100_000_000;

    private const string MetadataKey = "__metadata__";

    public SafetensorsHeader(IReadOnlyList<SafetensorsEntry> entries, IReadOnlyDictionary<string, string> metadata)
    {
        Entries = entries;
        Metadata = metadata;
    }

    /// <summary>The tensors in the order of their data (ascending offsets).</summary>
    public IReadOnlyList<SafetensorsEntry> Entries { get; }

    /// <summary>The free-form string pairs under <c>__metadata__</c> (empty when there are none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Length of the data section the header describes.</summary>
    public long DataLength => Entries.Count == 0 ? 0 : Entries[^1].End;

    /// <summary>
    /// Reads and validates the header at the stream's position; afterwards the stream stands at the first data byte.
    /// When the stream can seek, the data section's length is checked against the header as well.
    /// </summary>
    public static SafetensorsHeader Read(Stream stream, string source)
    {
        var prefix = new byte[8];
        int got = stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false);
        if (got < 8)
            throw Invalid(source, $"sie ist nur {got} Bytes lang, schon die Header-Länge braucht 8 Bytes.");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        long? remaining = stream.CanSeek ? stream.Length - stream.Position : null;
        if (n > MaxHeaderBytes || (remaining is { } r && (long)n > r))
            throw Invalid(source, $"die Header-Länge {n} passt nicht in die Datei "
                + (remaining is { } rest ? $"(nach den 8 Längen-Bytes folgen nur {rest} Bytes)." : $"(höchstens {MaxHeaderBytes} Bytes erlaubt)."));
        var json = new byte[n];
        if (stream.ReadAtLeast(json, json.Length, throwOnEndOfStream: false) < json.Length)
            throw Invalid(source, $"die Datei endet mitten im Header ({n} Bytes angekündigt).");
        var header = Parse(json, source);
        if (remaining is { } all && all - (long)n != header.DataLength)
            throw Invalid(source, $"der Datenteil ist {all - (long)n} Bytes lang, der Header beschreibt {header.DataLength} Bytes"
                + (all - (long)n < header.DataLength ? " (Datei abgeschnitten?)." : " (unerwartete Bytes am Ende)."));
        return header;
    }

    private static SafetensorsHeader Parse(byte[] json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"der Header ist kein gültiges JSON ({e.Message}).");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw Invalid(source, "der Header ist kein JSON-Objekt.");
            var entries = new List<SafetensorsEntry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw Invalid(source, $"der Name '{property.Name}' kommt im Header zweimal vor.");
                if (property.Name == MetadataKey)
                    ReadMetadata(property.Value, metadata, source);
                else
                    entries.Add(ReadEntry(property.Name, property.Value, source));
            }
            entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
            long expected = 0;
            foreach (var entry in entries)
            {
                if (entry.Begin != expected)
                    throw Invalid(source, $"die data_offsets von '{entry.Name}' beginnen bei {entry.Begin}, "
                        + $"die Daten davor enden bei {expected} (Tensoren müssen lückenlos hintereinander liegen).");
                expected = entry.End;
            }
            return new SafetensorsHeader(entries, metadata);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string source)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw Invalid(source, $"\"{MetadataKey}\" ist kein JSON-Objekt.");
        foreach (var pair in value.EnumerateObject())
        {
            if (pair.Value.ValueKind != JsonValueKind.String)
                throw Invalid(source, $"der Metadaten-Eintrag '{pair.Name}' ist kein Text (erlaubt sind nur Zeichenketten).");
            metadata[pair.Name] = pair.Value.GetString()!;
        }
    }

    private static SafetensorsEntry ReadEntry(string name, JsonElement value, string source)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw Invalid(source, $"der Eintrag '{name}' ist kein JSON-Objekt.");
        if (!value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw Invalid(source, $"dem Eintrag '{name}' fehlt \"dtype\".");
        var code = dtypeElement.GetString()!;
        var dtype = SafetensorsDType.FromCode(code)
                    ?? throw Invalid(source, $"'{name}' hat den unbekannten dtype '{code}' (unterstützt: {SafetensorsDType.Codes}).");
        var shape = Integers(value, "shape", name, source, count: null);
        var offsets = Integers(value, "data_offsets", name, source, count: 2);
        if (offsets[1] < offsets[0])
            throw Invalid(source, $"die data_offsets von '{name}' [{offsets[0]}, {offsets[1]}] enden vor ihrem Beginn.");
        long bytes;
        try
        {
            bytes = shape.Aggregate((long)dtype.Size, (product, d) => checked(product * d));
        }
        catch (OverflowException)
        {
            throw Invalid(source, $"die Form von '{name}' [{string.Join(", ", shape)}] ist zu groß.");
        }
        if (bytes != offsets[1] - offsets[0])
            throw Invalid(source, $"'{name}' hat die Form [{string.Join(", ", shape)}] × {dtype.Size} Bytes ({code}) = {bytes} Bytes, "
                + $"die data_offsets [{offsets[0]}, {offsets[1]}] umfassen aber {offsets[1] - offsets[0]} Bytes.");
        return new SafetensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] Integers(JsonElement entry, string field, string name, string source, int? count)
    {
        if (!entry.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array
            || (count is { } c && array.GetArrayLength() != c))
            throw Invalid(source, $"\"{field}\" von '{name}' fehlt oder ist keine Liste"
                + (count is { } k ? $" aus {k} Zahlen." : " von Zahlen."));
        var values = new long[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var v) || v < 0)
                throw Invalid(source, $"\"{field}\" von '{name}' enthält '{item.GetRawText()}', erlaubt sind nur ganze Zahlen ≥ 0.");
            values[i++] = v;
        }
        return values;
    }

    /// <summary>
    /// The 8-byte length and the JSON header of <paramref name="entries"/> (already in data order), byte for byte as the
    /// reference writer produces it: compact, <c>__metadata__</c> first (keys sorted here; the reference keeps them in hash
    /// order), then the tensors, padded with spaces so that the data starts at a multiple of 8.
    /// </summary>
    public static byte[] Serialize(IEnumerable<SafetensorsEntry> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        var json = new StringBuilder("{");
        bool first = true;
        if (metadata is { Count: > 0 })
        {
            JsonText.AppendQuoted(json, MetadataKey);
            json.Append(":{");
            bool firstPair = true;
            foreach (var (key, value) in metadata.OrderBy(p => p.Key, Utf8Order.Instance))
            {
                if (!firstPair) json.Append(',');
                JsonText.AppendQuoted(json, key);
                json.Append(':');
                JsonText.AppendQuoted(json, value);
                firstPair = false;
            }
            json.Append('}');
            first = false;
        }
        foreach (var entry in entries)
        {
            if (!first) json.Append(',');
            JsonText.AppendQuoted(json, entry.Name);
            json.Append(":{\"dtype\":");
            JsonText.AppendQuoted(json, entry.DType.Code);
            json.Append(",\"shape\":[").AppendJoin(',', entry.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
            json.Append(CultureInfo.InvariantCulture, $"],\"data_offsets\":[{entry.Begin},{entry.End}]}}");
            first = false;
        }
        json.Append('}');
        var text = Encoding.UTF8.GetBytes(json.ToString());
        int padded = (text.Length + 7) / 8 * 8;
        var bytes = new byte[8 + padded];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        text.CopyTo(bytes, 8);
        bytes.AsSpan(8 + text.Length).Fill((byte)' ');
        return bytes;
    }

    internal static InvalidDataException Invalid(string source, string problem) =>
        new($"'{source}' ist keine gültige safetensors-Datei: {problem}");

    /// <summary>Orders strings by their UTF-8 bytes, as Rust compares <c>String</c>s.</summary>
    internal sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y) =>
            Encoding.UTF8.GetBytes(x ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));
    }
}
