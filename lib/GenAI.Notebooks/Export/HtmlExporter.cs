using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GenAI.Core;
using GenAI.Display;
using GenAI.Notebooks.Ipynb;

namespace GenAI.Notebooks.Export;

/// <summary>One exported handout.</summary>
/// <param name="Html">The complete, self-contained page.</param>
/// <param name="Title">The chapter title (its first top-level heading).</param>
/// <param name="Warnings">Things that could not be embedded (missing images and the like).</param>
public sealed record Handout(string Html, string Title, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns a notebook into one self-contained HTML handout (German UI, table of contents, highlighted
/// code, embedded outputs, math as MathML) and a set of handouts into an index page. Output is a pure
/// function of the notebook and the options: no timestamps, so unchanged chapters give identical files.
/// </summary>
public sealed class HtmlExporter(ExportOptions options)
{
    /// <summary>Exports <paramref name="notebook"/>; images are resolved relative to <paramref name="notebookDirectory"/>.</summary>
    public Handout Export(Notebook notebook, string notebookDirectory, string sourceName)
    {
        var images = new ImageInliner(notebookDirectory);
        var markdown = new MarkdownRenderer(images);
        var outputs = new OutputRenderer(options.Interactive, md => new MarkdownRenderer(images).Render(md));
        var visible = notebook.Cells.Where(c => !c.HasTag("remove-cell")).ToList();
        var codeCells = visible.Where(c => c.IsCode).ToList();
        var highlighted = CSharpHighlighter.Highlight([.. codeCells.Select(c => Scripting.CellSource.WithoutCSharpMagic(c.Source))], notebookDirectory);
        var highlightOf = codeCells.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => highlighted[p.i]);

        var body = new StringBuilder();
        bool previousWasHiddenSolution = false;
        foreach (var cell in visible)
        {
            bool solution = cell.HasTag("solution");
            if (solution && options.Solutions == SolutionMode.Hide)
            {
                if (!previousWasHiddenSolution) body.Append("<p class=\"solution-hidden\">Die Lösung ist in diesem Handout ausgeblendet.</p>\n");
                previousWasHiddenSolution = true;
                continue;
            }
            previousWasHiddenSolution = false;
            var html = cell.CellType switch
            {
                "markdown" => $"<section class=\"cell markdown\">\n{markdown.Render(cell.Source, Attachments(cell))}</section>\n",
                "code" => CodeCell(cell, highlightOf[cell], outputs),
                _ => "",  // raw cells are for other converters
            };
            if (!solution || html.Length == 0) { body.Append(html); continue; }
            body.Append(options.Solutions == SolutionMode.Collapse
                ? $"<details class=\"solution\"><summary>Lösung anzeigen</summary>\n{html}</details>\n"
                : $"<div class=\"solution\"><span class=\"solution-label\">Lösung</span>\n{html}</div>\n");
        }

        var title = markdown.Headings.FirstOrDefault(h => h.Level == 1)?.Text ?? Path.GetFileNameWithoutExtension(sourceName);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append("<meta name=\"generator\" content=\"genai export\">\n");
        page.Append($"<title>{HtmlText.Escape(title)} – {HtmlText.Escape(CourseInfo.Title)}</title>\n");
        page.Append("<style>\n").Append(HandoutStyle.Css).Append("</style>\n");
        if (outputs.UsedPlotly) page.Append("<script>\n").Append(PlotlyJs()).Append("\n</script>\n");
        page.Append("</head>\n<body>\n<div class=\"page\">\n");
        page.Append($"<div class=\"course-bar\"><a href=\"index.html\">← Alle Kapitel</a><span>{HtmlText.Escape(CourseInfo.Title)}</span></div>\n");
        page.Append(Toc(markdown.Headings));
        page.Append("<main>\n").Append(body).Append("</main>\n");
        page.Append($"<footer>Handout zu <code>{HtmlText.Escape(Path.GetFileName(sourceName))}</code> · erstellt mit <code>genai export</code></footer>\n");
        page.Append("</div>\n</body>\n</html>\n");
        return new Handout(page.ToString(), title, [.. images.Warnings.Distinct()]);
    }

    private string PlotlyJs()
    {
        var path = options.PlotlyJsPath ?? throw new InvalidOperationException(PlotlyScript.NotFoundMessage);
        return File.ReadAllText(path).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }

    private static string CodeCell(NotebookCell cell, string highlighted, OutputRenderer outputs)
    {
        var sb = new StringBuilder("<section class=\"cell code\">\n");
        bool showInput = !cell.HasTag("remove-input") && !cell.HasTag("hide-input");
        bool showOutput = !cell.HasTag("remove-output") && !cell.HasTag("hide-output");
        if (showInput)
        {
            var count = cell.ExecutionCount is { } n ? $"[{n}]" : "[ ]";
            sb.Append($"<div class=\"prompt\">{count}</div>\n");
            sb.Append("<div class=\"input\"><pre><code class=\"language-csharp\">").Append(highlighted).Append("</code></pre></div>\n");
        }
        if (showOutput && cell.Outputs.Count > 0)
            sb.Append("<div class=\"outputs\">\n").Append(outputs.Render(cell.Outputs)).Append("</div>\n");
        return sb.Append("</section>\n").ToString();
    }

    private static Dictionary<string, (string Mime, string Base64)>? Attachments(NotebookCell cell)
    {
        if (cell.Json["attachments"] is not JsonObject attachments) return null;
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (name, value) in attachments)
            if (value is JsonObject bundle && bundle.FirstOrDefault() is { Key: var mime, Value: { } data })
                result[name] = (mime, MultilineText.Join(data));
        return result;
    }

    private static string Toc(List<TocEntry> headings)
    {
        var entries = headings.Where(h => h.Level is 2 or 3).ToList();
        if (entries.Count == 0) return "";
        var sb = new StringBuilder("<nav class=\"toc\" aria-label=\"Inhalt\">\n<h2>Inhalt</h2>\n<ol>\n");
        foreach (var h in entries)
            sb.Append($"<li class=\"level-{h.Level}\"><a href=\"#{HtmlText.Escape(h.Id)}\">{HtmlText.Escape(h.Text)}</a></li>\n");
        return sb.Append("</ol>\n</nav>\n").ToString();
    }

    /// <summary>The index page linking every handout (<paramref name="chapters"/>: file name and title, in order).</summary>
    public static string Index(IReadOnlyList<(string File, string Title, string Source)> chapters)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<title>{HtmlText.Escape(CourseInfo.Title)} – Handouts</title>\n");
        sb.Append("<style>\n").Append(HandoutStyle.Css).Append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
        sb.Append($"<h1>{HtmlText.Escape(CourseInfo.Title)}</h1>\n");
        sb.Append("<p>Die Kapitel des Kurses als Handouts: ausgeführt, mit allen Ausgaben, ohne Internetverbindung lesbar.</p>\n");
        sb.Append("<h2>Kapitel</h2>\n");
        if (chapters.Count == 0) sb.Append("<p>Noch keine Kapitel vorhanden.</p>\n");
        else
        {
            sb.Append("<ul class=\"chapters\">\n");
            foreach (var (file, title, source) in chapters)
                sb.Append($"<li><a href=\"{HtmlText.Escape(Uri.EscapeDataString(file))}\">{HtmlText.Escape(title)}</a>")
                    .Append($"<br><span class=\"file\">{HtmlText.Escape(source)}</span></li>\n");
            sb.Append("</ul>\n");
        }
        sb.Append("<footer>erstellt mit <code>genai export</code></footer>\n</div>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
