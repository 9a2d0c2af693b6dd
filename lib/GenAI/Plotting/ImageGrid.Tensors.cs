using GenAI.Core;
using GenAI.Numerics;
using TorchSharp;

namespace GenAI.Plotting;

public sealed partial class ImageGrid
{
    /// <summary>
    /// Grid from a batch tensor: [N, H, W], [N, 1, H, W], [N, 3, H, W] (RGB) or [N, H·W] (e.g. [N, 784]).
    /// <paramref name="min"/> is black and <paramref name="max"/> white (min: -1 for Tanh outputs).
    /// </summary>
    public static ImageGrid From(torch.Tensor images, int rows, int columns, int scale = 3,
        int? width = null, int? height = null, double min = 0, double max = 1)
    {
        var (pixels, count, channels, h, w) = Batch(images, width, height, nameof(images));
        int size = channels * h * w;
        var tiles = new Raster[count];
        for (int i = 0; i < count; i++)
        {
            var one = pixels.AsSpan(i * size, size);
            tiles[i] = channels == 3 ? Raster.FromRgbChannelsFirst(one, w, h, min, max) : Raster.FromGray(one, w, h, min, max);
        }
        return new ImageGrid(tiles, rows, columns, scale);
    }

    /// <summary>
    /// A batch of images: [N, H, W] and [N, 1, H, W] are grayscale, [N, 3, H, W] is RGB (channels first,
    /// as PyTorch stores them), [N, D] are flat grayscale images of D = H·W pixels.
    /// </summary>
    internal static (float[] Pixels, int Count, int Channels, int Height, int Width) Batch(torch.Tensor t, int? width, int? height, string parameter)
    {
        ArgumentNullException.ThrowIfNull(t, parameter);
        var s = t.shape;
        var pixels = TensorData.Floats(t);
        switch (s.Length)
        {
            case 2:
                var (w, h) = Size((int)s[1], width, height);
                if (w * h != s[1]) throw new ArgumentException($"{s[1]} Werte pro Bild passen nicht zu {w}×{h}.", parameter);
                return (pixels, (int)s[0], 1, h, w);
            case 3: return (pixels, (int)s[0], 1, (int)s[1], (int)s[2]);
            case 4 when s[1] is 1 or 3: return (pixels, (int)s[0], (int)s[1], (int)s[2], (int)s[3]);
            default:
                throw new ArgumentException(
                    $"Bilder kommen als [N, H, W], [N, 1, H, W], [N, 3, H, W] oder [N, H·W], nicht als [{string.Join(", ", s)}].", parameter);
        }
    }
}
