using System.ComponentModel;
using GenAI.Display;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Members every notebook cell can call without a prefix (Roslyn's "globals" object), named as in
/// Polyglot Notebooks so cells written for .NET Interactive keep working.
/// </summary>
public sealed class ScriptGlobals
{
    internal ScriptGlobals() { }

    /// <summary>
    /// Shows <paramref name="value"/> below the cell (its richest representation via
    /// <see cref="Formatter.ToMimeBundle"/>) and returns a handle to replace it in place later.
    /// </summary>
    public DisplayHandle display(object? value)
    {
        var handle = new DisplayHandle("display-" + Guid.NewGuid().ToString("N"));
        if (CellContext.Current is { } cell) cell.Display(Formatter.ToMimeBundle(value), handle.DisplayId);
        else Console.WriteLine(Formatter.ToPlainText(value));
        return handle;
    }
}

/// <summary>A shown output that can be replaced in place (Jupyter's <c>display_id</c>).</summary>
public sealed class DisplayHandle
{
    internal DisplayHandle(string displayId) => DisplayId = displayId;

    /// <summary>The transient Jupyter display id this handle updates.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the shown output with <paramref name="value"/>.</summary>
    public void Update(object? value)
    {
        if (CellContext.Current is { } cell) cell.UpdateDisplay(Formatter.ToMimeBundle(value), DisplayId);
        else Console.WriteLine(Formatter.ToPlainText(value));
    }

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override string ToString() => DisplayId;
}
