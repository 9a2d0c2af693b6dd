using TorchSharp;

namespace GenAI.Plotting;

/// <summary>Copies <see cref="torch.Tensor"/> data into the arrays the plotting code works on, with shape checks.</summary>
internal static class TensorData
{
    /// <summary>The values as float32, row-major, whatever the tensor's dtype, strides or grad state.</summary>
    public static float[] Floats(torch.Tensor t)
    {
        using var _ = torch.no_grad();
        using var dense = t.detach().cpu().to_type(torch.ScalarType.Float32).contiguous();
        return dense.data<float>().ToArray();
    }

    public static float[] Vector(torch.Tensor t, string parameter)
    {
        ArgumentNullException.ThrowIfNull(t, parameter);
        return Floats(t);
    }

    /// <summary>A 2-D tensor, shape [rows, columns], as a matrix.</summary>
    public static float[,] Matrix(torch.Tensor t, string parameter)
    {
        ArgumentNullException.ThrowIfNull(t, parameter);
        var shape = t.shape;
        if (shape.Length != 2)
            throw new ArgumentException($"Erwartet ist ein 2-D-Tensor [Zeilen, Spalten], nicht die Form [{string.Join(", ", shape)}].", parameter);
        var flat = Floats(t);
        var result = new float[shape[0], shape[1]];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(float));
        return result;
    }

    public static torch.Tensor FromMatrix(float[,] m)
    {
        var flat = new float[m.Length];
        Buffer.BlockCopy(m, 0, flat, 0, flat.Length * sizeof(float));
        return torch.tensor(flat, m.GetLength(0), m.GetLength(1));
    }

    /// <summary>
    /// A batch of images: [N, H, W] and [N, 1, H, W] are grayscale, [N, 3, H, W] is RGB (channels first,
    /// as PyTorch stores them), [N, D] are flat grayscale images of D = H·W pixels.
    /// </summary>
    public static (float[] Pixels, int Count, int Channels, int Height, int Width) Images(torch.Tensor t, int? width, int? height, string parameter)
    {
        ArgumentNullException.ThrowIfNull(t, parameter);
        var s = t.shape;
        var pixels = Floats(t);
        switch (s.Length)
        {
            case 2:
                var (w, h) = Display.ImageGrid.Size((int)s[1], width, height);
                if (w * h != s[1]) throw new ArgumentException($"{s[1]} Werte pro Bild passen nicht zu {w}×{h}.", parameter);
                return (pixels, (int)s[0], 1, h, w);
            case 3: return (pixels, (int)s[0], 1, (int)s[1], (int)s[2]);
            case 4 when s[1] is 1 or 3: return (pixels, (int)s[0], (int)s[1], (int)s[2], (int)s[3]);
            default:
                throw new ArgumentException($"Bilder kommen als [N, H, W], [N, 1, H, W], [N, 3, H, W] oder [N, H·W], nicht als [{string.Join(", ", s)}].", parameter);
        }
    }
}
