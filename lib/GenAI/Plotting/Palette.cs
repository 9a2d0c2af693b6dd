namespace GenAI.Plotting;

/// <summary>
/// The categorical colours traces get in order when no colour is set: Tableau 10 (as in matplotlib's
/// "tab10"), distinguishable for ten classes, which is what Fashion-MNIST and digits have.
/// </summary>
public static class Palette
{
    /// <summary>The ten colours, in assignment order.</summary>
    public static IReadOnlyList<string> Colors { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>Colour number <paramref name="index"/>, cycling after ten.</summary>
    public static string At(int index) => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];
}
