using System.Diagnostics;
using System.Globalization;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Progress of a library call (<see cref="Progress.Start"/>) inside a cell: one display updated in
/// place. Updates are throttled for the front end; the final state is always sent on dispose, so a
/// saved notebook shows the same last line on every run.
/// </summary>
internal sealed class CellProgressView : IProgressView
{
    private static readonly long MinTicksBetweenUpdates = Stopwatch.Frequency / 10;
    private readonly CellContext _cell;
    private readonly string _label;
    private readonly string _displayId = "progress-" + Guid.NewGuid().ToString("N");
    private long _lastSent;
    private MimeBundle? _unsent;

    public CellProgressView(CellContext cell, string label)
    {
        _cell = cell;
        _label = label;
        _cell.Display(Render(label, 0, null, null), _displayId);
        _lastSent = Stopwatch.GetTimestamp();
    }

    public void Report(double current, double? total = null, string? detail = null)
    {
        var bundle = Render(_label, current, total, detail);
        long now = Stopwatch.GetTimestamp();
        if (now - _lastSent < MinTicksBetweenUpdates) { _unsent = bundle; return; }
        _unsent = null;
        _lastSent = now;
        _cell.UpdateDisplay(bundle, _displayId);
    }

    public void Dispose()
    {
        if (_unsent is { } last) _cell.UpdateDisplay(last, _displayId);
        _unsent = null;
    }

    internal static MimeBundle Render(string label, double current, double? total, string? detail)
    {
        var text = ConsoleProgressView.Format(label, current, total, detail);
        var ci = CultureInfo.InvariantCulture;
        var bar = total is > 0
            ? string.Create(ci, $"<progress value=\"{Math.Clamp(current, 0, total.Value):0.###}\" max=\"{total.Value:0.###}\"></progress> ")
            : "";
        var html = $"<div class=\"genai-progress\">{bar}<code>{HtmlText.Escape(text)}</code></div>";
        return new MimeBundle().Add(MimeBundle.TextPlain, text).Add(MimeBundle.TextHtml, html);
    }
}
