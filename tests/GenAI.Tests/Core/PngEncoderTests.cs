using System.Buffers.Binary;
using System.IO.Compression;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Tests.Core;

public class PngEncoderTests
{
    /// <summary>An independent PNG reader: walks the chunks, checks every CRC, inflates IDAT, removes filter bytes.</summary>
    internal static (int Width, int Height, int ColorType, byte[] Pixels, List<string> Chunks) Decode(byte[] png)
    {
        Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }), "PNG signature");
        int pos = 8, width = 0, height = 0, colorType = -1;
        var idat = new MemoryStream();
        var chunks = new List<string>();
        while (pos < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            Assert.That(crc, Is.EqualTo(System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(pos + 4, 4 + length))), $"CRC of chunk {type}");
            chunks.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                colorType = data[9];
                Assert.That(data[8], Is.EqualTo(8));
            }
            if (type == "IDAT") idat.Write(data);
            pos += 12 + length;
        }
        int channels = colorType == 2 ? 3 : 1;
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        int stride = width * channels;
        Assert.That(bytes.Length, Is.EqualTo(height * (stride + 1)));
        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            Assert.That(bytes[y * (stride + 1)], Is.EqualTo(0), "filter type None");
            Array.Copy(bytes, y * (stride + 1) + 1, pixels, y * stride, stride);
        }
        return (width, height, colorType, pixels, chunks);
    }

    [Test]
    public void A_png_ends_with_the_twelve_bytes_every_png_file_ends_with()
    {
        // IEND: length 0, type "IEND", CRC 0xAE426082 (PNG specification §11.2.5): an oracle for the chunk CRC.
        var png = Raster.FromGray([0.25f], 1, 1).ToPng();
        Assert.That(png[^12..], Is.EqualTo(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }));
    }

    [Test]
    public void A_grayscale_png_round_trips_its_pixels()
    {
        var raster = Raster.FromGray([0f, 0.5f, 1f, 2f, -1f, float.NaN], 3, 2);
        var (w, h, colorType, pixels, chunks) = Decode(raster.ToPng());
        Assert.That((w, h, colorType), Is.EqualTo((3, 2, 0)));
        Assert.That(pixels, Is.EqualTo(new byte[] { 0, 128, 255, 255, 0, 0 }));
        Assert.That(chunks, Is.EqualTo(new[] { "IHDR", "IDAT", "IEND" }));
    }

    [Test]
    public void An_rgb_png_from_channels_first_data_interleaves_channels()
    {
        // Shape [3, 1, 2]: red plane, green plane, blue plane.
        var raster = Raster.FromRgbChannelsFirst([1f, 0f, 0f, 1f, 0f, 0.2f], 2, 1);
        var (_, _, colorType, pixels, _) = Decode(raster.ToPng());
        Assert.That(colorType, Is.EqualTo(2));
        Assert.That(pixels, Is.EqualTo(new byte[] { 255, 0, 0, 0, 255, 51 }));
    }

    [Test]
    public void Nearest_neighbour_upscaling_repeats_each_pixel_as_a_block()
    {
        var raster = Raster.FromGray([0f, 1f], 2, 1).Upscale(2);
        Assert.That((raster.Width, raster.Height), Is.EqualTo((4, 2)));
        Assert.That(raster.Pixels, Is.EqualTo(new byte[] { 0, 0, 255, 255, 0, 0, 255, 255 }));
    }

    [Test]
    public void A_wrong_pixel_count_names_the_expected_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => Raster.FromGray(new float[10], 3, 3));
        Assert.That(error!.Message, Does.Contain("3×3"));
    }
}
