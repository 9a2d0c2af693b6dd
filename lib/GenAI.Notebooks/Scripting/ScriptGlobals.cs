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
    /// <see cref="Formatter.ToMimeBundle"/>, or only <paramref name="mimeTypes"/> when given, as in
    /// Polyglot Notebooks' <c>display(x, "text/html")</c>) and returns a handle to replace it in place later.
    /// </summary>
    public DisplayHandle display(object? value, params string[] mimeTypes) => DisplayHandle.Show(value, mimeTypes);
}

/// <summary>A shown output that can be replaced in place (Jupyter's <c>display_id</c>).</summary>
public sealed class DisplayHandle
{
    internal DisplayHandle(string displayId) => DisplayId = displayId;

    /// <summary>The transient Jupyter display id this handle updates.</summary>
    public string DisplayId { get; }

    private string[] _mimeTypes = [];

    /// <summary>Shows <paramref name="value"/> (only <paramref name="mimeTypes"/> when given) and returns its handle.</summary>
    internal static DisplayHandle Show(object? value, string[] mimeTypes)
    {
        var handle = new DisplayHandle("display-" + Guid.NewGuid().ToString("N")) { _mimeTypes = mimeTypes ?? [] };
        if (CellContext.Current is { } cell) cell.Display(handle.Bundle(value), handle.DisplayId);
        else Console.WriteLine(Formatter.ToPlainText(value));
        return handle;
    }

    /// <summary>Replaces the shown output with <paramref name="value"/> (in the MIME types it was first shown with).</summary>
    public void Update(object? value)
    {
        if (CellContext.Current is { } cell) cell.UpdateDisplay(Bundle(value), DisplayId);
        else Console.WriteLine(Formatter.ToPlainText(value));
    }

    private MimeBundle Bundle(object? value)
    {
        if (_mimeTypes.Length == 0) return Formatter.ToMimeBundle(value);
        var chosen = new MimeBundle();
        if (value is string text)
        {
            foreach (var mime in _mimeTypes) chosen.Add(mime, text);
            return chosen;
        }
        var full = Formatter.ToMimeBundle(value);
        foreach (var mime in _mimeTypes)
            if (full.TryGetValue(mime, out var data)) chosen.Add(mime, data);
        return chosen.Count > 0 ? chosen : full;
    }

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override string ToString() => DisplayId;
}
