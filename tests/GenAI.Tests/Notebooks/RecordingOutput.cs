using GenAI.Display;
using GenAI.Notebooks;

namespace GenAI.Tests.Notebooks;

/// <summary>Records a cell's outputs as readable lines, e.g. <c>stdout: hallo</c>, <c>result: 3</c>.</summary>
internal sealed class RecordingOutput : ICellOutput
{
    public List<string> Events { get; } = [];
    public List<(string Ename, string Evalue, IReadOnlyList<string> Traceback)> Errors { get; } = [];
    public Queue<string?> Input { get; } = new();

    public void Stream(string name, string text) { lock (Events) Events.Add($"{name}: {text}"); }
    public void Display(MimeBundle bundle, string? displayId) { lock (Events) Events.Add($"display {displayId}: {bundle[MimeBundle.TextPlain]}"); }
    public void UpdateDisplay(MimeBundle bundle, string displayId) { lock (Events) Events.Add($"update {displayId}: {bundle[MimeBundle.TextPlain]}"); }
    public void Result(MimeBundle bundle) { lock (Events) Events.Add($"result: {bundle[MimeBundle.TextPlain]}"); }

    public void Error(string ename, string evalue, IReadOnlyList<string> traceback)
    {
        lock (Events) { Events.Add($"error: {ename}: {evalue}"); Errors.Add((ename, evalue, traceback)); }
    }

    public string? ReadLine(string prompt, bool password) => Input.Count > 0 ? Input.Dequeue() : null;

    /// <summary>All stream text of one name, concatenated.</summary>
    public string Text(string name = "stdout") =>
        string.Concat(Events.Where(e => e.StartsWith(name + ": ", StringComparison.Ordinal)).Select(e => e[(name.Length + 2)..]));
}
