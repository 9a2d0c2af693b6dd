namespace GenAI.Data;

/// <summary>Image resampling used to bring datasets to a common size (e.g. 8×8 digits to MNIST's 28×28).</summary>
public static class Resampling
{
    /// <summary>
    /// Bilinear interpolation with half-pixel centres (the convention of PyTorch's
    /// <c>interpolate(mode="bilinear", align_corners=False)</c> and OpenCV's <c>INTER_LINEAR</c>):
    /// output pixel (y, x) samples the input at ((y + ½)·H/h − ½, (x + ½)·W/w − ½), clamped to the border.
    /// </summary>
    /// <param name="source">Input image, shape [H, W] flattened row-major.</param>
    /// <param name="height">H.</param>
    /// <param name="width">W.</param>
    /// <param name="target">Output image, shape [h, w] flattened row-major.</param>
    /// <param name="targetHeight">h.</param>
    /// <param name="targetWidth">w.</param>
    public static void Bilinear(ReadOnlySpan<float> source, int height, int width, Span<float> target, int targetHeight, int targetWidth)
    {
        if (source.Length != height * width) throw new ArgumentException($"Das Bild hat {source.Length} Pixel, nicht {height}×{width}.", nameof(source));
        if (target.Length != targetHeight * targetWidth)
            throw new ArgumentException($"Das Ziel hat {target.Length} Pixel, nicht {targetHeight}×{targetWidth}.", nameof(target));
        float scaleY = (float)height / targetHeight, scaleX = (float)width / targetWidth;
        for (int y = 0; y < targetHeight; y++)
        {
            float sy = Math.Clamp((y + 0.5f) * scaleY - 0.5f, 0, height - 1);
            int y0 = (int)sy, y1 = Math.Min(y0 + 1, height - 1);
            float fy = sy - y0;
            for (int x = 0; x < targetWidth; x++)
            {
                float sx = Math.Clamp((x + 0.5f) * scaleX - 0.5f, 0, width - 1);
                int x0 = (int)sx, x1 = Math.Min(x0 + 1, width - 1);
                float fx = sx - x0;
                float top = source[y0 * width + x0] * (1 - fx) + source[y0 * width + x1] * fx;
                float bottom = source[y1 * width + x0] * (1 - fx) + source[y1 * width + x1] * fx;
                target[y * targetWidth + x] = top * (1 - fy) + bottom * fy;
            }
        }
    }
}
