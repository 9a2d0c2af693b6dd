using GenAI.Numerics;
using Plotly.NET;
using TorchSharp;

namespace GenAI.Plotting;

public static partial class ChartParts
{
    /// <summary>A heatmap of a 2-D tensor, shape [rows, columns], row 0 at the top (see the array overload).</summary>
    public static GenericChart Heatmap(torch.Tensor z, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null,
        Colorscale? colorscale = null, double? zMin = null, double? zMax = null, string? colorbarTitle = null,
        bool annotate = false, int decimals = 2, bool showScale = true)
    {
        var matrix = TensorData.Matrix(z, nameof(z));
        var values = new double[matrix.GetLength(0), matrix.GetLength(1)];
        for (int i = 0; i < values.GetLength(0); i++)
            for (int j = 0; j < values.GetLength(1); j++) values[i, j] = matrix[i, j];
        return Heatmap(values, columnLabels, rowLabels, colorscale, zMin, zMax, colorbarTitle, annotate, decimals, showScale);
    }
}
