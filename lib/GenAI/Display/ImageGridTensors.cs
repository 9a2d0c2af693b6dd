using GenAI.Plotting;
using TorchSharp;

namespace GenAI.Display;

public sealed partial class ImageGrid
{
    /// <summary>
    /// Grid from a batch tensor: [N, H, W], [N, 1, H, W], [N, 3, H, W] (RGB) or [N, H·W] (e.g. [N, 784]).
    /// <paramref name="min"/> is black and <paramref name="max"/> white (min: -1 for Tanh outputs).
    /// </summary>
    public static ImageGrid From(torch.Tensor images, int rows, int columns, int scale = 3,
        int? width = null, int? height = null, double min = 0, double max = 1)
    {
        var (pixels, count, channels, h, w) = TensorData.Images(images, width, height, nameof(images));
        int size = channels * h * w;
        var tiles = new Raster[count];
        for (int i = 0; i < count; i++)
        {
            var one = pixels.AsSpan(i * size, size);
            tiles[i] = channels == 3 ? Raster.FromRgbChannelsFirst(one, w, h, min, max) : Raster.FromGray(one, w, h, min, max);
        }
        return new ImageGrid(tiles, rows, columns, scale);
    }
}
