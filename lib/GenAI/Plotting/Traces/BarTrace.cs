namespace GenAI.Plotting;

/// <summary>Vertical bars: one per category (or per numeric x position).</summary>
public sealed class BarTrace : Trace
{
    /// <summary>Bars over category labels.</summary>
    public BarTrace(string[] categories, double[] values)
    {
        if (categories.Length != values.Length)
            throw new ArgumentException($"{categories.Length} Kategorien, aber {values.Length} Werte: beide brauchen gleich viele.", nameof(values));
        Categories = categories;
        Values = values;
    }

    /// <summary>Category labels along x.</summary>
    public string[] Categories { get; }
    /// <summary>Bar heights.</summary>
    public double[] Values { get; }
    /// <summary>Opacity 0…1.</summary>
    public double Opacity { get; set; } = 1;
    /// <summary>Prints each value above its bar.</summary>
    public bool ShowValues { get; set; }
    /// <summary>Decimals of the printed values.</summary>
    public int Decimals { get; set; } = 2;

    /// <inheritdoc/>
    public override string PlotlyType => "bar";
}
