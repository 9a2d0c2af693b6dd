using System.Buffers.Binary;
using System.IO.Compression;

namespace GenAI.Core;

/// <summary>
/// A minimal PNG writer (W3C PNG specification, 3rd edition): signature, IHDR, one IDAT with the
/// zlib stream of all scanlines (filter type 0 per row, §7.3), IEND. 8-bit grayscale (colour type 0)
/// or RGB (colour type 2), no interlacing. zlib comes from the BCL, CRC-32 from System.IO.Hashing.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Encodes <paramref name="image"/> as a PNG file's bytes.</summary>
    public static byte[] Encode(Raster image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8;                                   // bit depth
        header[9] = image.Channels == 1 ? (byte)0 : (byte)2; // colour type: gray or truecolour
        header[10] = 0;                                  // compression method: deflate
        header[11] = 0;                                  // filter method 0
        header[12] = 0;                                  // no interlace
        WriteChunk(output, "IHDR"u8, header);

        WriteChunk(output, "IDAT"u8, Compress(image));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] Compress(Raster image)
    {
        int rowBytes = image.Width * image.Channels;
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < image.Height; y++)
            {
                zlib.WriteByte(0); // filter type None: grids are mostly flat areas that deflate handles well
                zlib.Write(image.Pixels, y * rowBytes, rowBytes);
            }
        }
        return buffer.ToArray();
    }

    // Chunk layout (§5.3): length (4 bytes, big-endian), type, data, CRC over type and data.
    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        output.Write(type);
        output.Write(data);
        var crc = new System.IO.Hashing.Crc32();   // ISO 3309 / ITU-T V.42, the CRC PNG specifies (§5.5)
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        output.Write(number);
    }
}
