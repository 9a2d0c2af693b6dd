namespace GenAI.Notebooks.Export;

/// <summary>What happens to cells tagged <c>solution</c>.</summary>
public enum SolutionMode
{
    /// <summary>Left out (a short note says a solution was there).</summary>
    Hide,
    /// <summary>Shown like any cell, marked "Lösung".</summary>
    Show,
    /// <summary>Folded away behind "Lösung anzeigen".</summary>
    Collapse,
}

/// <summary>Settings of <c>genai export</c>.</summary>
public sealed record ExportOptions
{
    /// <summary>Solution cells: hidden (default), shown or collapsed.</summary>
    public SolutionMode Solutions { get; init; } = SolutionMode.Hide;

    /// <summary>Render plotly figures interactively (plotly.js inlined once per page that has figures).</summary>
    public bool Interactive { get; init; }

    /// <summary>plotly.min.js to inline for <see cref="Interactive"/>; found through <see cref="PlotlyScript.Find"/> when null.</summary>
    public string? PlotlyJsPath { get; init; }
}
