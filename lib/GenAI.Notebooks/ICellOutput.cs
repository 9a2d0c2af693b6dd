using GenAI.Display;

namespace GenAI.Notebooks;

/// <summary>
/// Receives one cell's outputs in the order the cell produces them. The headless runner turns them
/// into nbformat outputs; the Jupyter kernel turns them into iopub messages
/// (<c>stream</c>, <c>display_data</c>, <c>update_display_data</c>, <c>execute_result</c>, <c>error</c>).
/// Calls may come from any thread the cell started, but never concurrently for one cell.
/// </summary>
public interface ICellOutput
{
    /// <summary>Console text; <paramref name="name"/> is <c>"stdout"</c> or <c>"stderr"</c>.</summary>
    void Stream(string name, string text);

    /// <summary>A <c>display_data</c> output; <paramref name="displayId"/> (transient) lets later updates replace it.</summary>
    void Display(MimeBundle bundle, string? displayId);

    /// <summary>An <c>update_display_data</c>: replaces every output shown earlier with <paramref name="displayId"/>.</summary>
    void UpdateDisplay(MimeBundle bundle, string displayId);

    /// <summary>An <c>execute_result</c>: the value of the cell's last expression.</summary>
    void Result(MimeBundle bundle);

    /// <summary>An <c>error</c> output: exception name, message and a short readable trace.</summary>
    void Error(string ename, string evalue, IReadOnlyList<string> traceback);

    /// <summary>Reads one line for <c>Console.ReadLine</c>; null means stdin is not available (end of input).</summary>
    string? ReadLine(string prompt, bool password);
}
