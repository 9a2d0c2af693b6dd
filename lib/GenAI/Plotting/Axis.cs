namespace GenAI.Plotting;

/// <summary>One axis of a subplot: its title and optional fixed range. Unset values are computed from the data.</summary>
internal sealed class Axis
{
    /// <summary>Axis title (German text in course notebooks), e.g. "Epoche".</summary>
    public string? Title { get; set; }
    /// <summary>Lower end of the shown range; null = from the data.</summary>
    public double? Min { get; set; }
    /// <summary>Upper end of the shown range; null = from the data.</summary>
    public double? Max { get; set; }
    /// <summary>Draws the axis from large to small values (top to bottom for y).</summary>
    public bool Reversed { get; set; }
    /// <summary>False hides ticks, labels and grid (used for images).</summary>
    public bool Visible { get; set; } = true;
    /// <summary>Log scale (base 10), e.g. for losses over many epochs.</summary>
    public bool Logarithmic { get; set; }

    internal Axis Clone() => (Axis)MemberwiseClone();
}
