using System.Globalization;
using System.Text;
using System.Text.Json;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Data;

/// <summary>
/// A body of text to train language models on: the course's own German text (always there), a
/// public-domain book by name, or any local file or folder.
/// </summary>
/// <example><code>
/// var kurs = Corpus.Course();              // embedded + the notebooks' Markdown when run from the repo
/// var grimm = Corpus.Load("grimm");        // embedded in the library: works offline
/// var faust = Corpus.Load("faust");        // GENAI_DATA_DIR → cache → download
/// var mine = Corpus.Load("texte/");        // every .txt/.md/.ipynb below a folder
/// </code></example>
public sealed class Corpus : IDisplayable
{
    private Corpus(string name, string text, string source)
    {
        Name = name;
        Text = text;
        Source = source;
    }

    /// <summary>Display name, e.g. "Grimm, Kinder- und Hausmärchen".</summary>
    public string Name { get; }

    /// <summary>The text (UTF-8 decoded, line endings <c>\n</c>, Gutenberg header/footer removed).</summary>
    public string Text { get; }

    /// <summary>Where the text came from: a path, "eingebettet" (the course text), or "eingebettet: FILE" (a book shipped in the library).</summary>
    public string Source { get; }

    /// <summary>Length in characters (UTF-16 code units).</summary>
    public int Length => Text.Length;

    /// <summary>The named corpora <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> Names => [CourseName, .. Books.All.Select(b => b.Entry.Name)];

    private const string CourseName = "kurs";

    /// <summary>Catalog entries for <c>genai data list</c>.</summary>
    public static IReadOnlyList<DataEntry> Entries =>
        [new(CourseName, "Text", "Der deutsche Kurstext (eingebettet) und, im Repository, der Markdown-Text der Notebooks", [], "MIT (dieser Kurs)"),
         .. Books.All.Select(b => b.Entry)];

    /// <summary>
    /// The course's own German text: the embedded introduction, followed by the Markdown cells of every
    /// notebook in the repository's <c>notebooks/</c> folder when the library runs from a checkout.
    /// </summary>
    public static Corpus Course() => Course(FindNotebooksFolder());

    /// <summary>The course text with the notebooks of <paramref name="notebooksFolder"/> (null: embedded text only).</summary>
    internal static Corpus Course(string? notebooksFolder)
    {
        var text = new StringBuilder(EmbeddedData.ReadText("kurs.md").Trim());
        var source = "eingebettet";
        if (notebooksFolder is { } folder && Directory.Exists(folder))
        {
            var notebooks = Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
            foreach (var notebook in notebooks)
                if (NotebookMarkdown(notebook) is { Length: > 0 } markdown) text.Append("\n\n").Append(markdown);
            if (notebooks.Length > 0) source += $" + {notebooks.Length} Notebooks in {folder}";
        }
        return new Corpus("Kurstext", text.ToString(), source);
    }

    /// <summary>
    /// Loads a corpus by name (<see cref="Names"/>), or a local file or folder by path.
    /// </summary>
    /// <exception cref="DataUnavailableException">A named book that is not embedded is not on this machine and cannot be downloaded.</exception>
    /// <exception cref="FileNotFoundException">Neither a known name nor an existing path.</exception>
    public static Corpus Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (string.Equals(nameOrPath, CourseName, StringComparison.OrdinalIgnoreCase)) return Course();
        if (Books.Find(nameOrPath) is { } book)
        {
            if (book.Embedded is { } embedded)
                return new Corpus(book.Title, Gutenberg.Strip(EmbeddedData.ReadText(embedded)), "eingebettet: " + Path.GetFileNameWithoutExtension(embedded));
            var path = DataFiles.Resolve(book.File!);
            return new Corpus(book.Title, Gutenberg.Strip(ReadUtf8(path)), path);
        }
        if (Directory.Exists(nameOrPath)) return FromFolder(nameOrPath);
        if (File.Exists(nameOrPath)) return FromFile(nameOrPath);
        throw new FileNotFoundException(
            $"„{nameOrPath}“ ist weder ein bekannter Korpus ({string.Join(", ", Names)}) noch eine vorhandene Datei oder ein Ordner.", nameOrPath);
    }

    /// <summary>A UTF-8 text file (<c>.ipynb</c>: its Markdown cells); a Gutenberg header and footer are removed.</summary>
    public static Corpus FromFile(string path)
    {
        var full = Path.GetFullPath(path);
        var text = full.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? NotebookMarkdown(full) : Gutenberg.Strip(ReadUtf8(full));
        return new Corpus(Path.GetFileNameWithoutExtension(full), text, full);
    }

    /// <summary>Every <c>.txt</c>, <c>.md</c> and <c>.ipynb</c> file below <paramref name="folder"/>, in path order, separated by blank lines.</summary>
    public static Corpus FromFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".txt" or ".md" or ".ipynb")
            .Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
            throw new FileNotFoundException($"Im Ordner {full} gibt es keine .txt-, .md- oder .ipynb-Dateien.", full);
        var text = string.Join("\n\n", files.Select(f => FromFile(f).Text).Where(t => t.Length > 0));
        return new Corpus(Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)), text, full);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.GetCultureInfo("de-DE"), $"{Name}: {Length:N0} Zeichen ({DisplaySource})");

    // Outputs committed in notebooks must not depend on the machine: show a file's name, not its full path.
    private string DisplaySource => Path.IsPathFullyQualified(Source) ? Path.GetFileName(Source.TrimEnd(Path.DirectorySeparatorChar)) : Source;

    /// <summary>A summary and the first few hundred characters.</summary>
    public MimeBundle ToMimeBundle()
    {
        var preview = Text.Length <= 400 ? Text : Text[..400] + " …";
        var html = $"<div><p><b>{GenAI.Core.HtmlText.Escape(Name)}</b>: {GenAI.Core.HtmlText.Escape(ToString()[(Name.Length + 2)..])}</p>"
                   + $"<pre style=\"white-space:pre-wrap\">{GenAI.Core.HtmlText.Escape(preview)}</pre></div>";
        return new MimeBundle().Add(MimeBundle.TextPlain, ToString() + "\n" + preview).Add(MimeBundle.TextHtml, html);
    }

    private static string ReadUtf8(string path)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException(
                $"{path} ist kein UTF-8-Text. Speichere die Datei als UTF-8 (in den meisten Editoren: „Speichern unter“ → Kodierung UTF-8).");
        }
    }

    /// <summary>The Markdown cells of a notebook (nbformat 4), joined by blank lines.</summary>
    internal static string NotebookMarkdown(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!document.RootElement.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array) return "";
        var parts = new List<string>();
        foreach (var cell in cells.EnumerateArray())
        {
            if (!cell.TryGetProperty("cell_type", out var type) || type.GetString() != "markdown") continue;
            if (!cell.TryGetProperty("source", out var source)) continue;
            // nbformat allows the source as one string or as a list of lines.
            var text = source.ValueKind == JsonValueKind.Array
                ? string.Concat(source.EnumerateArray().Select(l => l.GetString()))
                : source.GetString() ?? "";
            if (!string.IsNullOrWhiteSpace(text)) parts.Add(text.Replace("\r\n", "\n").Trim());
        }
        return string.Join("\n\n", parts);
    }

    /// <summary>The repository's <c>notebooks/</c> folder: searched upwards from the working directory and from GenAI.dll.</summary>
    private static string? FindNotebooksFolder() =>
        CourseRepository.FindRoot() is { } root && Directory.Exists(Path.Combine(root, "notebooks")) ? Path.Combine(root, "notebooks") : null;
}
