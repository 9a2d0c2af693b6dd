using System.Text.RegularExpressions;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Prepares a cell's text for Roslyn: accepts Polyglot's <c>#!csharp</c> and <c>#!time</c> lines and
/// <c>#i "nuget: …"</c> sources (blanked; the session acts on them), and turns what this engine cannot do
/// (other languages, a missing dll) into a clear message before the compiler produces a cryptic one.
/// Character offsets are kept, so completion positions match.
/// </summary>
internal static partial class CellSource
{
    [GeneratedRegex(@"^[ \t]*#!(?<magic>\S+)", RegexOptions.Multiline)]
    private static partial Regex Magic();

    [GeneratedRegex(@"^[ \t]*#r[ \t]+""(?<ref>[^""]*)""", RegexOptions.Multiline)]
    private static partial Regex Reference();

    private static readonly HashSet<string> CSharpMagics = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };
    // Magic commands the session carries out itself; blanked for Roslyn like the language line.
    private static readonly HashSet<string> BlankedMagics = new(CSharpMagics, StringComparer.OrdinalIgnoreCase) { "time" };

    /// <summary>The code with <c>#!csharp</c>, <c>#!time</c>, <c>#r "nuget: …"</c> and <c>#i "nuget: …"</c> lines blanked out (same length).</summary>
    public static string Normalize(string code) =>
        PackageDirectives.BlankPackages(PackageDirectives.BlankSources(
            Magic().Replace(code, m => BlankedMagics.Contains(m.Groups["magic"].Value) ? new string(' ', m.Length) : m.Value)));

    /// <summary>True when the cell asks for its wall time with a <c>#!time</c> line (Polyglot Notebooks' magic command).</summary>
    public static bool WantsTime(string code) =>
        Magic().Matches(code).Any(m => string.Equals(m.Groups["magic"].Value, "time", StringComparison.OrdinalIgnoreCase));

    /// <summary>The code without a leading <c>#!csharp</c> line (for display in handouts).</summary>
    public static string WithoutCSharpMagic(string code)
    {
        var m = Magic().Match(code);
        if (!m.Success || m.Index != 0 || !CSharpMagics.Contains(m.Groups["magic"].Value)) return code;
        int end = code.IndexOf('\n', m.Length);
        return end < 0 ? "" : code[(end + 1)..];
    }

    /// <summary>A German message explaining why the cell cannot run, or null when it can.</summary>
    public static string? Problem(string normalizedCode, NotebookReferenceResolver resolver)
    {
        if (Magic().Match(normalizedCode) is { Success: true } magic)
            return $"Diese Zelle beginnt mit „#!{magic.Groups["magic"].Value}“: Hier laufen nur C#-Zellen. " +
                   "Entferne die Zeile oder verschiebe den Inhalt in eine Markdown-Zelle.";
        foreach (Match r in Reference().Matches(normalizedCode))
        {
            var reference = r.Groups["ref"].Value.Trim();
            if (NotebookReferenceResolver.LooksLikePath(reference) && !File.Exists(resolver.FullPath(reference)))
                return $"#r \"{reference}\": Die Datei {resolver.FullPath(reference)} gibt es nicht. " +
                       (reference.EndsWith("GenAI.dll", StringComparison.OrdinalIgnoreCase)
                           ? "Baue die Kursbibliothek zuerst: dotnet build lib/GenAI -c Release (im Ordner des Repositorys)."
                           : "Prüfe den Pfad; er gilt relativ zum Ordner des Notebooks.");
        }
        return null;
    }
}
