namespace GenAI.Plotting;

/// <summary>Vertical bars: one per category (or per numeric x position).</summary>
internal sealed class BarTrace : Trace
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
    /// <summary>Text printed above each bar (plotly's <c>text</c>), e.g. the value in German format; null = none.</summary>
    public string[]? Texts { get; set; }

    /// <inheritdoc/>
    public override string PlotlyType => "bar";
}
