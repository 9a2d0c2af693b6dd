namespace GenAI.Plotting;

/// <summary>One panel of a figure: its traces, its two axes and an optional panel title.</summary>
internal sealed class Subplot
{
    /// <summary>The traces drawn in this panel, in drawing order.</summary>
    public List<Trace> Traces { get; } = [];
    /// <summary>The horizontal axis.</summary>
    public Axis X { get; private set; } = new();
    /// <summary>The vertical axis.</summary>
    public Axis Y { get; private set; } = new();
    /// <summary>Title above the panel (used in grids).</summary>
    public string? Title { get; set; }

    internal Subplot Clone()
    {
        var copy = new Subplot { Title = Title, X = X.Clone(), Y = Y.Clone() };
        copy.Traces.AddRange(Traces);
        return copy;
    }
}
