using System.Buffers.Binary;
using System.IO.Compression;

namespace GenAI.Data;

/// <summary>An n-dimensional array of unsigned bytes read from an IDX file.</summary>
/// <param name="Shape">Dimension sizes, outermost first, e.g. [60000, 28, 28].</param>
/// <param name="Data">The values, row-major (last dimension varies fastest).</param>
public sealed record IdxArray(int[] Shape, byte[] Data);

/// <summary>
/// Reader for the IDX format of the MNIST family (LeCun et al., "THE MNIST DATABASE of handwritten
/// digits", file format section): a 4-byte magic number (two zero bytes, a type code, the number of
/// dimensions), one big-endian 32-bit size per dimension, then the values row-major. Files may be
/// gzip-compressed; that is detected from the content, not the name.
/// </summary>
public static class Idx
{
    private const byte UnsignedByte = 0x08;

    /// <summary>Reads an IDX file (plain or gzip).</summary>
    /// <exception cref="InvalidDataException">The file is not an unsigned-byte IDX file or is truncated.</exception>
    public static IdxArray Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return Read(file);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads an IDX array from a stream (plain or gzip, detected from the first two bytes).</summary>
    public static IdxArray Read(Stream stream)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        Span<byte> magic = stackalloc byte[4];
        if (!TryReadExactly(buffered, magic[..2])) throw new InvalidDataException("die Datei endet vor dem IDX-Kopf");
        Stream body = buffered;
        GZipStream? gzip = null;
        if (magic[0] == 0x1F && magic[1] == 0x8B)
        {
            // gzip (RFC 1952): re-read from the start through the decompressor.
            body = gzip = new GZipStream(new PrefixedStream(magic[..2].ToArray(), buffered), CompressionMode.Decompress, leaveOpen: true);
            if (!TryReadExactly(body, magic[..2])) throw new InvalidDataException("die gzip-Datei ist leer");
        }
        try
        {
            if (!TryReadExactly(body, magic[2..])) throw new InvalidDataException("die Datei endet vor dem IDX-Kopf");
            if (magic[0] != 0 || magic[1] != 0)
                throw new InvalidDataException($"kein IDX-Format (die Datei beginnt mit {magic[0]:X2} {magic[1]:X2} statt 00 00)");
            if (magic[2] != UnsignedByte)
                throw new InvalidDataException($"IDX-Datentyp 0x{magic[2]:X2} wird nicht unterstützt, nur 0x08 (unsigned byte) wie in MNIST");
            int rank = magic[3];
            if (rank == 0) throw new InvalidDataException("IDX-Datei ohne Dimensionen");
            var shape = new int[rank];
            Span<byte> size = stackalloc byte[4];
            long count = 1;
            for (int d = 0; d < rank; d++)
            {
                if (!TryReadExactly(body, size)) throw new InvalidDataException("die Datei endet mitten im IDX-Kopf");
                shape[d] = BinaryPrimitives.ReadInt32BigEndian(size);
                if (shape[d] < 0) throw new InvalidDataException($"negative Dimension {shape[d]} im IDX-Kopf");
                count *= shape[d];
            }
            if (count > Array.MaxLength) throw new InvalidDataException($"{count:N0} Werte sind zu viele für ein Array");
            var data = new byte[count];
            int read = body.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
            if (read < data.Length)
                throw new InvalidDataException(
                    $"die Datei ist abgeschnitten: {read:N0} von {data.Length:N0} Werten für die Form [{string.Join(", ", shape)}]");
            if (body.ReadByte() != -1)
                throw new InvalidDataException($"die Datei enthält mehr Bytes, als die Form [{string.Join(", ", shape)}] vorsieht");
            return new IdxArray(shape, data);
        }
        finally
        {
            gzip?.Dispose(); // leaves the caller's stream open
        }
    }

    /// <summary>Writes an unsigned-byte IDX file (used to build small test files and subsets).</summary>
    public static void Write(Stream stream, IdxArray array)
    {
        long count = array.Shape.Aggregate(1L, (a, b) => a * b);
        if (count != array.Data.Length)
            throw new ArgumentException($"Form [{string.Join(", ", array.Shape)}] passt nicht zu {array.Data.Length} Werten", nameof(array));
        stream.Write([0, 0, UnsignedByte, checked((byte)array.Shape.Length)]);
        Span<byte> size = stackalloc byte[4];
        foreach (var d in array.Shape)
        {
            BinaryPrimitives.WriteInt32BigEndian(size, d);
            stream.Write(size);
        }
        stream.Write(array.Data);
    }

    private static bool TryReadExactly(Stream stream, Span<byte> buffer) =>
        stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;

    /// <summary>Puts already-consumed bytes back in front of a stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _position;
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            if (_position < prefix.Length)
            {
                int n = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }
            return rest.Read(buffer);
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
