using System.Text;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

/// <summary>
/// Our safetensors reader and writer. The byte layout is checked against the reference writer's format
/// (huggingface/safetensors: compact JSON, metadata first, tensors by descending dtype alignment then name,
/// header padded with spaces to a multiple of 8); corrupt files are refused with the file and the problem named.
/// </summary>
public class SafetensorsFileTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("genai-safetensors-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Every_supported_dtype_round_trips_bit_for_bit()
    {
        var source = torch.linspace(-3.5, 3.5, 12).reshape(3, 4);
        var tensors = new Dictionary<string, Tensor>
        {
            ["f64"] = source.to(float64),
            ["f32"] = source.to(float32),
            ["f16"] = source.to(float16),
            ["bf16"] = source.to(bfloat16),
            ["i64"] = torch.tensor(new[] { long.MinValue, -1L, 0L, long.MaxValue }),
            ["i32"] = torch.tensor(new[] { int.MinValue, -1, 0, int.MaxValue }).reshape(2, 2),
            ["i16"] = torch.tensor(new short[] { short.MinValue, -1, 0, short.MaxValue }),
            ["i8"] = torch.tensor(new sbyte[] { sbyte.MinValue, -1, 0, sbyte.MaxValue }),
            ["u8"] = torch.tensor(new byte[] { 0, 1, 128, 255 }),
            ["bool"] = torch.tensor(new[] { true, false, true }),
            ["scalar"] = torch.tensor(2.5f),
            ["empty"] = torch.zeros(0, 3),
        };
        var path = Path.Combine(_dir, "all.safetensors");
        SafetensorsFile.Write(path, tensors);

        var read = SafetensorsFile.Read(path);
        Assert.That(read.Keys, Is.EquivalentTo(tensors.Keys));
        foreach (var (name, expected) in tensors)
        {
            Assert.That(read[name].dtype, Is.EqualTo(expected.dtype), name);
            Assert.That(read[name].shape, Is.EqualTo(expected.shape), name);
            Assert.That(Bytes(read[name]), Is.EqualTo(Bytes(expected)), name);
        }
    }

    [Test]
    public void A_single_tensor_is_laid_out_byte_for_byte_like_the_reference_writer()
    {
        // The reference's own serialization vector: "attn.0", F32, shape [1, 2, 3], values 0..5; the JSON is exactly 64 bytes.
        var bytes = Write(new() { ["attn.0"] = torch.arange(6, dtype: float32).reshape(1, 2, 3) });
        var header = "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}";
        var expected = Prefix(64).Concat(Encoding.ASCII.GetBytes(header))
            .Concat(new[] { 0f, 1, 2, 3, 4, 5 }.SelectMany(BitConverter.GetBytes)).ToArray();
        Assert.That(bytes, Is.EqualTo(expected));
    }

    [Test]
    public void Tensors_are_ordered_by_descending_dtype_alignment_then_name_and_the_header_is_padded_to_8()
    {
        var bytes = Write(new()
        {
            ["b"] = torch.ones(2),
            ["mask"] = torch.tensor(new[] { true }),
            ["a2"] = torch.ones(1),
            ["steps"] = torch.tensor(new[] { 7L }),
            ["z"] = torch.ones(1, dtype: float64),
        });
        var header = "{\"steps\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                     + "\"z\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]},"
                     + "\"a2\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]},"
                     + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[20,28]},"
                     + "\"mask\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[28,29]}}";
        int padded = (header.Length + 7) / 8 * 8;
        Assert.That(BitConverter.ToUInt64(bytes, 0), Is.EqualTo((ulong)padded));
        Assert.That(Encoding.ASCII.GetString(bytes, 8, padded), Is.EqualTo(header.PadRight(padded)));
        Assert.That(bytes, Has.Length.EqualTo(8 + padded + 29));
    }

    [Test]
    public void An_empty_file_and_metadata_are_written_like_the_reference()
    {
        // Reference vectors: no tensors gives "{}" plus six spaces; metadata {"framework":"pt"} comes first.
        Assert.That(Write(new()), Is.EqualTo(Prefix(8).Concat(Encoding.ASCII.GetBytes("{}      ")).ToArray()));
        var withMetadata = Write(new(), new Dictionary<string, string> { ["framework"] = "pt" });
        Assert.That(withMetadata,
            Is.EqualTo(Prefix(40).Concat(Encoding.ASCII.GetBytes("{\"__metadata__\":{\"framework\":\"pt\"}}     ")).ToArray()));
    }

    [Test]
    public void Metadata_survives_a_round_trip()
    {
        var path = Path.Combine(_dir, "meta.safetensors");
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "Märchen \"Grimm\"\n" };
        SafetensorsFile.Write(path, new Dictionary<string, Tensor> { ["x"] = torch.ones(2) }, metadata);
        Assert.That(SafetensorsFile.ReadMetadata(path), Is.EquivalentTo(metadata));
        Assert.That(SafetensorsFile.Read(path).Keys, Is.EqualTo(new[] { "x" }));
    }

    [Test]
    public void A_stream_that_cannot_seek_is_read_to_its_end()
    {
        var bytes = Write(new() { ["w"] = torch.arange(5, dtype: float32) });
        var read = SafetensorsFile.Read(new ForwardOnlyStream(bytes), "weights");
        Assert.That(read["w"].data<float>().ToArray(), Is.EqualTo(new[] { 0f, 1, 2, 3, 4 }));

        var e = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(new ForwardOnlyStream(bytes[..^3]), "weights"));
        Assert.That(e!.Message, Does.Contain("'weights'").And.Contain("abgeschnitten"));
        e = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(new ForwardOnlyStream([.. bytes, 0]), "weights"));
        Assert.That(e!.Message, Does.Contain("weitere Bytes"));
    }

    [Test]
    public void Writing_replaces_the_file_atomically_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_dir, "w.safetensors");
        SafetensorsFile.Write(path, new Dictionary<string, Tensor> { ["a"] = torch.ones(100) });
        SafetensorsFile.Write(path, new Dictionary<string, Tensor> { ["b"] = torch.ones(1) });
        Assert.That(SafetensorsFile.Read(path).Keys, Is.EqualTo(new[] { "b" }));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_tensor_of_an_unsupported_type_is_refused_before_anything_is_written()
    {
        var path = Path.Combine(_dir, "c.safetensors");
        var e = Assert.Throws<ArgumentException>(() =>
            SafetensorsFile.Write(path, new Dictionary<string, Tensor> { ["c"] = torch.zeros(2, dtype: complex64) }));
        Assert.That(e!.Message, Does.Contain("'c'").And.Contain("F32"));
        Assert.That(Directory.GetFiles(_dir), Is.Empty);
    }

    [Test]
    public void A_header_that_is_not_json_is_refused_with_the_file_named()
    {
        var e = Corrupt(Raw("{\"w\":{\"dtype\":\"F32\",", []));
        Assert.That(e.Message, Does.Contain("kein gültiges JSON"));
    }

    [Test]
    public void A_file_shorter_than_its_header_length_is_refused()
    {
        var e = Corrupt([.. Prefix(1_000), .. "{}"u8]);
        Assert.That(e.Message, Does.Contain("Header-Länge 1000"));
        e = Corrupt([1, 2, 3]);
        Assert.That(e.Message, Does.Contain("nur 3 Bytes"));
    }

    [Test]
    public void A_truncated_file_is_refused_with_both_lengths()
    {
        var bytes = Write(new() { ["w"] = torch.ones(4) });
        var e = Corrupt(bytes[..^1]);
        Assert.That(e.Message, Does.Contain("15 Bytes").And.Contain("16 Bytes").And.Contain("abgeschnitten"));
    }

    [Test]
    public void An_unknown_dtype_is_refused_with_the_supported_ones_listed()
    {
        var e = Corrupt(Raw("{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", new byte[2]));
        Assert.That(e.Message, Does.Contain("F8_E4M3").And.Contain("BF16"));
    }

    [Test]
    public void A_shape_that_does_not_match_the_byte_count_is_refused()
    {
        var e = Corrupt(Raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,16]}}", new byte[16]));
        Assert.That(e.Message, Does.Contain("'w'").And.Contain("[2, 3]").And.Contain("24 Bytes").And.Contain("16 Bytes"));
    }

    [Test]
    public void Offsets_with_a_gap_or_overlap_are_refused()
    {
        var gap = Raw("{\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]},"
                      + "\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[4,6]}}", new byte[6]);
        Assert.That(Corrupt(gap).Message, Does.Contain("'b'").And.Contain("lückenlos"));
        var negative = Raw("{\"a\":{\"dtype\":\"U8\",\"shape\":[-2],\"data_offsets\":[0,2]}}", new byte[2]);
        Assert.That(Corrupt(negative).Message, Does.Contain("ganze Zahlen ≥ 0"));
    }

    [Test]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(_dir, "nope.safetensors");
        var e = Assert.Throws<FileNotFoundException>(() => SafetensorsFile.Read(path));
        Assert.That(e!.Message, Does.Contain("nope.safetensors"));
    }

    private InvalidDataException Corrupt(byte[] bytes)
    {
        var path = Path.Combine(_dir, "corrupt.safetensors");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(path));
        Assert.That(e!.Message, Does.Contain(path).And.Contain("keine gültige safetensors-Datei"));
        return e;
    }

    private static byte[] Raw(string header, byte[] data) =>
        [.. Prefix(Encoding.UTF8.GetByteCount(header)), .. Encoding.UTF8.GetBytes(header), .. data];

    private static byte[] Prefix(long length) => BitConverter.GetBytes((ulong)length);

    private static byte[] Write(Dictionary<string, Tensor> tensors, Dictionary<string, string>? metadata = null)
    {
        using var stream = new MemoryStream();
        SafetensorsFile.Write(stream, tensors, metadata);
        return stream.ToArray();
    }

    internal static byte[] Bytes(Tensor t) => t.contiguous().bytes.ToArray();

    /// <summary>A read-only stream without Length or Seek, like a network or decompression stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
