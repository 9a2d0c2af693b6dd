using System.Numerics;

namespace GenAI.Plotting;

/// <summary>Array helpers for image grids.</summary>
internal static class Values
{
    public static float[] Row(float[,] matrix, int row)
    {
        var result = new float[matrix.GetLength(1)];
        for (int j = 0; j < result.Length; j++) result[j] = matrix[row, j];
        return result;
    }
}
