using System.IO.Compression;
using GenAI.Data;

namespace GenAI.Tests.Data;

public class IdxTests
{
    // A handmade 2×2×3 unsigned-byte IDX file: magic 00 00 08 03, sizes 2, 2, 3 (big-endian), 12 values.
    private static readonly byte[] Tiny =
    [
        0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3,
        0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255,
    ];

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }

    [Test]
    public void A_handmade_file_gives_its_shape_and_bytes()
    {
        var array = Idx.Read(new MemoryStream(Tiny));
        Assert.That(array.Shape, Is.EqualTo(new[] { 2, 2, 3 }));
        Assert.That(array.Data, Is.EqualTo(Tiny[16..]));
    }

    [Test]
    public void A_gzip_file_is_detected_by_content_and_reads_the_same()
    {
        var array = Idx.Read(new MemoryStream(Gzip(Tiny)));
        Assert.That(array.Shape, Is.EqualTo(new[] { 2, 2, 3 }));
        Assert.That(array.Data, Is.EqualTo(Tiny[16..]));
    }

    [Test]
    public void Writing_and_reading_round_trips()
    {
        var original = new IdxArray([3, 2], [9, 8, 7, 6, 5, 4]);
        var stream = new MemoryStream();
        Idx.Write(stream, original);
        Assert.That(stream.ToArray(), Is.EqualTo(new byte[] { 0, 0, 8, 2, 0, 0, 0, 3, 0, 0, 0, 2, 9, 8, 7, 6, 5, 4 }));
        var read = Idx.Read(new MemoryStream(stream.ToArray()));
        Assert.That(read.Shape, Is.EqualTo(original.Shape));
        Assert.That(read.Data, Is.EqualTo(original.Data));
    }

    [Test]
    public void A_truncated_file_is_rejected_with_the_missing_count()
    {
        var error = Assert.Throws<InvalidDataException>(() => Idx.Read(new MemoryStream(Tiny[..20])));
        Assert.That(error!.Message, Does.Contain("abgeschnitten").And.Contain("4 von 12"));
        Assert.Throws<InvalidDataException>(() => Idx.Read(new MemoryStream(Gzip(Tiny[..20]))));
    }

    [Test]
    public void Extra_bytes_wrong_magic_and_other_value_types_are_rejected()
    {
        Assert.That(() => Idx.Read(new MemoryStream([.. Tiny, 0])), Throws.TypeOf<InvalidDataException>().With.Message.Contains("mehr Bytes"));
        var notIdx = Tiny.ToArray();
        notIdx[0] = (byte)'P';
        Assert.That(() => Idx.Read(new MemoryStream(notIdx)), Throws.TypeOf<InvalidDataException>().With.Message.Contains("kein IDX"));
        var floats = Tiny.ToArray();
        floats[2] = 0x0D;
        Assert.That(() => Idx.Read(new MemoryStream(floats)), Throws.TypeOf<InvalidDataException>().With.Message.Contains("0x0D"));
        Assert.That(() => Idx.Read(new MemoryStream([0])), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void Reading_a_stream_leaves_it_open_for_the_caller()
    {
        var stream = new MemoryStream(Gzip(Tiny));
        Idx.Read(stream);
        Assert.That(stream.CanRead);
    }
}
