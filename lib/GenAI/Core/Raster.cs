namespace GenAI.Core;

/// <summary>
/// An 8-bit image in memory: <see cref="Channels"/> is 1 (grayscale) or 3 (RGB), pixels row-major,
/// channels interleaved, shape [Height, Width, Channels]. The common currency of the PNG encoder,
/// image grids and image traces.
/// </summary>
public sealed class Raster
{
    /// <summary>Width in pixels.</summary>
    public int Width { get; }
    /// <summary>Height in pixels.</summary>
    public int Height { get; }
    /// <summary>1 for grayscale, 3 for RGB.</summary>
    public int Channels { get; }
    /// <summary>Pixel bytes, shape [Height, Width, Channels].</summary>
    public byte[] Pixels { get; }

    /// <summary>Creates a raster filled with <paramref name="fill"/> (0 = black, 255 = white).</summary>
    public Raster(int width, int height, int channels, byte fill = 0)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), $"Ein Bild braucht eine positive Breite und Höhe, nicht {width}×{height}.");
        if (channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(channels), $"Nur 1 (Graustufen) oder 3 (RGB) Kanäle werden unterstützt, nicht {channels}.");
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = new byte[checked(width * height * channels)];
        if (fill != 0) Array.Fill(Pixels, fill);
    }

    /// <summary>
    /// Grayscale raster from floats, shape [Height, Width]; <paramref name="min"/> maps to black and
    /// <paramref name="max"/> to white, values outside are clipped, NaN becomes black.
    /// </summary>
    public static Raster FromGray(ReadOnlySpan<float> values, int width, int height, double min = 0, double max = 1)
    {
        if (values.Length != width * height)
            throw new ArgumentException(
                $"Das Bild hat {values.Length} Werte, erwartet sind Breite × Höhe = {width}×{height} = {width * height}.", nameof(values));
        var raster = new Raster(width, height, 1);
        for (int i = 0; i < values.Length; i++) raster.Pixels[i] = ToByte(values[i], min, max);
        return raster;
    }

    /// <summary>RGB raster from floats laid out channel-first, shape [3, Height, Width] (PyTorch's CHW).</summary>
    public static Raster FromRgbChannelsFirst(ReadOnlySpan<float> values, int width, int height, double min = 0, double max = 1)
    {
        int plane = width * height;
        if (values.Length != 3 * plane)
            throw new ArgumentException($"Ein RGB-Bild {width}×{height} braucht 3 × {plane} Werte (Form [3, H, W]), nicht {values.Length}.", nameof(values));
        var raster = new Raster(width, height, 3);
        for (int i = 0; i < plane; i++)
            for (int c = 0; c < 3; c++)
                raster.Pixels[i * 3 + c] = ToByte(values[c * plane + i], min, max);
        return raster;
    }

    /// <summary>Maps a value in [min, max] to a byte 0…255 with rounding; clips outside, NaN → 0.</summary>
    public static byte ToByte(double value, double min, double max)
    {
        if (!(max > min)) throw new ArgumentException($"Der Wertebereich muss min < max haben, nicht [{min}, {max}].");
        if (double.IsNaN(value)) return 0;
        double t = (value - min) / (max - min);
        return (byte)Math.Round(Math.Clamp(t, 0, 1) * 255);
    }

    /// <summary>Nearest-neighbour upscaling by an integer factor: each pixel becomes a factor×factor block.</summary>
    public Raster Upscale(int factor)
    {
        if (factor < 1) throw new ArgumentOutOfRangeException(nameof(factor), "Der Vergrößerungsfaktor muss mindestens 1 sein.");
        if (factor == 1) return this;
        var result = new Raster(Width * factor, Height * factor, Channels);
        int rowBytes = result.Width * Channels;
        for (int y = 0; y < Height; y++)
        {
            var target = result.Pixels.AsSpan(y * factor * rowBytes, rowBytes);
            for (int x = 0; x < Width; x++)
                for (int f = 0; f < factor; f++)
                    Pixels.AsSpan((y * Width + x) * Channels, Channels).CopyTo(target[((x * factor + f) * Channels)..]);
            for (int f = 1; f < factor; f++) target.CopyTo(result.Pixels.AsSpan((y * factor + f) * rowBytes, rowBytes));
        }
        return result;
    }

    /// <summary>Copies <paramref name="source"/> into this raster with its top-left corner at (x, y); gray expands to RGB.</summary>
    public void Blit(Raster source, int x, int y)
    {
        if (source.Channels > Channels) throw new ArgumentException("Ein RGB-Bild passt nicht in ein Graustufen-Raster.", nameof(source));
        for (int row = 0; row < source.Height; row++)
        {
            int ty = y + row;
            if (ty < 0 || ty >= Height) continue;
            for (int col = 0; col < source.Width; col++)
            {
                int tx = x + col;
                if (tx < 0 || tx >= Width) continue;
                int s = (row * source.Width + col) * source.Channels;
                int t = (ty * Width + tx) * Channels;
                for (int c = 0; c < Channels; c++) Pixels[t + c] = source.Pixels[s + (source.Channels == 1 ? 0 : c)];
            }
        }
    }

    /// <summary>Encodes this raster as PNG.</summary>
    public byte[] ToPng() => PngEncoder.Encode(this);
}
