using System.Numerics;

namespace GenAI.Plotting;

/// <summary>Converts the number types notebooks use (double, float, int, …) into the double arrays traces store.</summary>
internal static class Values
{
    public static double[] ToDoubles<T>(IEnumerable<T> values, string parameter) where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        return values switch
        {
            double[] d => (double[])d.Clone(),
            _ => [.. values.Select(double.CreateTruncating)],
        };
    }

    public static double[,] ToDoubles<T>(T[,] values, string parameter) where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        var result = new double[values.GetLength(0), values.GetLength(1)];
        for (int i = 0; i < values.GetLength(0); i++)
            for (int j = 0; j < values.GetLength(1); j++)
                result[i, j] = double.CreateTruncating(values[i, j]);
        return result;
    }

    public static double[,] ToMatrix<T>(IEnumerable<IEnumerable<T>> rows, string parameter) where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(rows, parameter);
        var list = rows.Select(r => ToDoubles(r, parameter)).ToList();
        if (list.Count == 0) throw new ArgumentException("Die Matrix hat keine Zeilen.", parameter);
        int columns = list[0].Length;
        if (list.Any(r => r.Length != columns))
            throw new ArgumentException(
                $"Alle Zeilen der Matrix brauchen gleich viele Werte; Zeile 0 hat {columns}, "
                + $"eine andere {list.First(r => r.Length != columns).Length}.", parameter);
        var result = new double[list.Count, columns];
        for (int i = 0; i < list.Count; i++)
            for (int j = 0; j < columns; j++) result[i, j] = list[i][j];
        return result;
    }

    public static float[] Row(float[,] matrix, int row)
    {
        var result = new float[matrix.GetLength(1)];
        for (int j = 0; j < result.Length; j++) result[j] = matrix[row, j];
        return result;
    }
}
