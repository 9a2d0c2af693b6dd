using GenAI.Core;
using GenAI.Display;
using GenAI.Numerics;
using TorchSharp;

namespace GenAI.Plotting;

public static partial class Chart
{
    /// <summary>A heatmap of a 2-D tensor, shape [rows, columns].</summary>
    public static Figure Heatmap(torch.Tensor z, IEnumerable<string>? columnLabels = null, IEnumerable<string>? rowLabels = null,
        bool annotate = false, int decimals = 2, Colorscale? colorscale = null, double? zMin = null, double? zMax = null,
        string? colorbarTitle = null) =>
        Heatmap(TensorData.Matrix(z, nameof(z)), columnLabels, rowLabels, annotate, decimals, colorscale, zMin, zMax, colorbarTitle);

    /// <summary>One image from a tensor: [H, W], [1, H, W], [3, H, W] (RGB) or a flat square [H·W].</summary>
    public static Figure Image(torch.Tensor image, double min = 0, double max = 1)
    {
        ArgumentNullException.ThrowIfNull(image);
        var s = image.shape;
        var batch = s.Length switch
        {
            1 => image.reshape(1, s[0]),
            2 or 3 => image.unsqueeze(0),
            _ => throw new ArgumentException(
                $"Ein Bild kommt als [H, W], [1, H, W], [3, H, W] oder [H·W], nicht als [{string.Join(", ", s)}].", nameof(image)),
        };
        var (pixels, _, channels, h, w) = ImageGrid.Batch(batch, null, null, nameof(image));
        return Image(channels == 3 ? Raster.FromRgbChannelsFirst(pixels, w, h, min, max) : Raster.FromGray(pixels, w, h, min, max));
    }
}
