namespace GenAI.Data;

/// <summary>
/// Removes Project Gutenberg's licence header and footer from a plain-text e-book, keeping only the
/// work itself. The boundaries are the lines <c>*** START OF THE PROJECT GUTENBERG EBOOK …</c> and
/// <c>*** END OF THE PROJECT GUTENBERG EBOOK …</c> (older files: "THIS PROJECT GUTENBERG EBOOK",
/// or a footer starting "End of the Project Gutenberg EBook" / "End of Project Gutenberg's").
/// </summary>
public static class Gutenberg
{
    /// <summary>True when the text carries a Gutenberg start marker.</summary>
    public static bool HasHeader(string text) => FindLine(Lines(text), IsStart) >= 0;

    /// <summary>
    /// The body between the markers, line endings normalised to <c>\n</c>; text without markers comes back unchanged (normalised and trimmed).
    /// </summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        int start = FindLine(lines, IsStart);
        int end = FindLine(lines, IsEnd, from: start + 1);
        int first = start + 1, last = end < 0 ? lines.Length : end;
        return string.Join('\n', lines[first..last]).Trim();
    }

    private static string[] Lines(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    private static int FindLine(string[] lines, Func<string, bool> predicate, int from = 0)
    {
        for (int i = Math.Max(from, 0); i < lines.Length; i++)
            if (predicate(lines[i])) return i;
        return -1;
    }

    private static bool IsStart(string line) =>
        line.StartsWith("*** START OF", StringComparison.OrdinalIgnoreCase) && line.Contains("GUTENBERG", StringComparison.OrdinalIgnoreCase);

    private static bool IsEnd(string line) =>
        (line.StartsWith("*** END OF", StringComparison.OrdinalIgnoreCase) && line.Contains("GUTENBERG", StringComparison.OrdinalIgnoreCase))
        || line.StartsWith("End of the Project Gutenberg EBook", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("End of Project Gutenberg's", StringComparison.OrdinalIgnoreCase);
}
