using TorchSharp;

namespace GenAI.Numerics;

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
}
