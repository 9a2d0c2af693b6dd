using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GenAI.Notebooks.Export;

/// <summary>One heading of the handout, for the table of contents.</summary>
public sealed record TocEntry(int Level, string Text, string Id);

/// <summary>
/// Renders Markdown cells with Markdig (CommonMark + pipe tables + math + footnotes): math becomes MathML,
/// local images become data URIs, raw HTML is sanitised, links cannot run script, and headings get
/// ids that are unique across the whole notebook so the table of contents can link to them.
/// </summary>
internal sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseMathematics()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .UseFootnotes()
        .UseListExtras()
        .Build();

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly ImageInliner _images;

    public MarkdownRenderer(ImageInliner images) => _images = images;

    public List<TocEntry> Headings { get; } = [];

    /// <summary>HTML for one Markdown cell; <paramref name="attachments"/> are the cell's nbformat attachments.</summary>
    public string Render(string markdown, IReadOnlyDictionary<string, (string Mime, string Base64)>? attachments = null)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is null) continue;
            if (link.IsImage)
                link.Url = _images.Inline(link.Url, attachments) ?? (HtmlSanitizer.SafeUrl(link.Url, image: true) ? link.Url : "");
            else if (!HtmlSanitizer.SafeUrl(link.Url, image: false))
                link.Url = "#";
        }
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = PlainText(heading.Inline);
            var id = UniqueId(text);
            heading.GetAttributes().Id = id;
            Headings.Add(new TocEntry(heading.Level, text, id));
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        Replace<HtmlMathInlineRenderer>(renderer, new MathInlineRenderer());
        Replace<HtmlMathBlockRenderer>(renderer, new MathBlockRenderer());
        Replace<CodeBlockRenderer>(renderer, new CSharpAwareCodeBlockRenderer(_images.BaseDirectory));
        renderer.Render(document);
        writer.Flush();
        // The whole cell at once: raw HTML can open a tag in one line and close it in another, and only
        // a parse of the complete fragment sees the nesting a browser would build.
        return HtmlSanitizer.Sanitize(writer.ToString(), src => _images.Inline(src, null));
    }

    private static void Replace<T>(HtmlRenderer renderer, IMarkdownObjectRenderer replacement)
    {
        int index = renderer.ObjectRenderers.FindIndex(r => r is T);
        if (index >= 0) renderer.ObjectRenderers[index] = replacement;
        else renderer.ObjectRenderers.Insert(0, replacement);
    }

    private string UniqueId(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) slug.Append(c);
            else if ((c == ' ' || c == '-' || c == '_') && slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var id = slug.ToString().Trim('-');
        if (id.Length == 0) id = "abschnitt";
        var unique = id;
        for (int n = 2; !_ids.Add(unique); n++) unique = $"{id}-{n}";
        return unique;
    }

    private static string PlainText(ContainerInline? inline)
    {
        var sb = new StringBuilder();
        void Walk(Inline? node)
        {
            for (; node is not null; node = node.NextSibling)
            {
                switch (node)
                {
                    case LiteralInline literal: sb.Append(literal.Content.ToString()); break;
                    case CodeInline code: sb.Append(code.Content); break;
                    case MathInline math: sb.Append(math.Content.ToString()); break;
                    case LineBreakInline: sb.Append(' '); break;
                    case ContainerInline container: Walk(container.FirstChild); break;
                }
            }
        }
        Walk(inline?.FirstChild);
        return sb.ToString().Trim();
    }

    private sealed class MathInlineRenderer : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline obj) =>
            renderer.Write(TexToMathMl.Convert(obj.Content.ToString(), display: obj.DelimiterCount > 1));
    }

    private sealed class MathBlockRenderer : HtmlObjectRenderer<MathBlock>
    {
        protected override void Write(HtmlRenderer renderer, MathBlock obj)
        {
            var tex = string.Join("\n", obj.Lines.Lines.Take(obj.Lines.Count).Select(l => l.Slice.ToString()));
            renderer.EnsureLine();
            renderer.Write(TexToMathMl.Convert(tex, display: true));
            renderer.EnsureLine();
        }
    }

    /// <summary>Fenced blocks marked csharp/cs/c# are coloured like code cells; others render as Markdig does.</summary>
    private sealed class CSharpAwareCodeBlockRenderer(string baseDirectory) : HtmlObjectRenderer<CodeBlock>
    {
        private readonly CodeBlockRenderer _plain = new();

        protected override void Write(HtmlRenderer renderer, CodeBlock obj)
        {
            if (obj is FencedCodeBlock { Info: "csharp" or "cs" or "c#" or "C#" } fenced)
            {
                var code = string.Join("\n", fenced.Lines.Lines.Take(fenced.Lines.Count).Select(l => l.Slice.ToString()));
                renderer.EnsureLine();
                renderer.Write("<pre><code class=\"language-csharp\">").Write(CSharpHighlighter.Highlight([code], baseDirectory)[0]).Write("</code></pre>");
                renderer.EnsureLine();
                return;
            }
            _plain.Write(renderer, obj);
        }
    }
}

/// <summary>
/// Reads images a notebook refers to (relative to its folder, or its cell attachments) and returns
/// them as data URIs so the handout is one self-contained file. Collects a warning for each it cannot embed.
/// </summary>
internal sealed class ImageInliner(string baseDirectory)
{
    public string BaseDirectory => baseDirectory;

    public List<string> Warnings { get; } = [];

    public string? Inline(string url, IReadOnlyDictionary<string, (string Mime, string Base64)>? attachments)
    {
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return null;
        if (url.StartsWith("attachment:", StringComparison.OrdinalIgnoreCase))
        {
            var name = WebUtility.UrlDecode(url["attachment:".Length..]);
            if (attachments is not null && attachments.TryGetValue(name, out var a)) return $"data:{a.Mime};base64,{a.Base64}";
            Warnings.Add($"Anhang „{name}“ fehlt in der Zelle; das Bild bleibt leer.");
            return null;
        }
        if (url.Contains("://", StringComparison.Ordinal))
        {
            Warnings.Add($"Bild {url} liegt im Netz und wird nicht eingebettet; das Handout braucht dafür eine Verbindung.");
            return null;
        }
        var path = Path.GetFullPath(Path.Combine(baseDirectory, WebUtility.UrlDecode(url.Split('#', '?')[0])));
        if (!File.Exists(path))
        {
            Warnings.Add($"Bild {url} nicht gefunden (gesucht: {path}).");
            return null;
        }
        var mime = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png", ".jpg" or ".jpeg" => "image/jpeg", ".gif" => "image/gif",
            ".svg" => "image/svg+xml", ".webp" => "image/webp", _ => null,
        };
        if (mime is null)
        {
            Warnings.Add($"{url}: unbekanntes Bildformat (erwartet png, jpg, gif, svg, webp).");
            return null;
        }
        return $"data:{mime};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}";
    }
}
