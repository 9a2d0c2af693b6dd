using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GenAI.Notebooks.Export;

/// <summary>
/// Cleans HTML that comes from notebook content (raw HTML in Markdown, <c>text/html</c> outputs) before
/// it goes into a handout: an allow-list of tags and attributes; <c>script</c>, <c>style</c>, frames and
/// forms removed with their content; no <c>on*</c> event handlers; URLs only http(s), mailto, relative
/// or embedded images — never <c>javascript:</c>. Local images are inlined through a callback.
/// </summary>
internal static partial class HtmlSanitizer
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details",
        "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
        "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "progress", "meter",
        // Inline SVG (figures in outputs).
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "defs", "clippath",
        "lineargradient", "radialgradient", "stop", "title", "desc", "marker", "pattern", "mask", "symbol",
    };

    /// <summary>Removed together with everything inside them.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template",
        "form", "textarea", "select", "button", "math", "foreignobject", "head", "title", "xmp", "noembed",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "src", "xlink:href", "cite", "background", "poster" };

    [GeneratedRegex(@"<!--.*?(-->|$)|<!\[CDATA\[.*?(\]\]>|$)|<![^>]*>|<\?[^>]*>|<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9:-]*)(?<attrs>(?:[^>""']|""[^""]*""|'[^']*')*)>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<name>[^\s""'>/=]+)(?:\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+)))?")]
    private static partial Regex Attribute();

    /// <summary>Sanitises <paramref name="html"/>; <paramref name="resolveImage"/> may turn a local <c>src</c> into a data URI.</summary>
    public static string Sanitize(string html, Func<string, string?>? resolveImage = null)
    {
        var sb = new StringBuilder(html.Length);
        int pos = 0;
        while (pos < html.Length)
        {
            var m = Tag().Match(html, pos);
            if (!m.Success) { sb.Append(html, pos, html.Length - pos); break; }
            sb.Append(html, pos, m.Index - pos);
            pos = m.Index + m.Length;
            if (!m.Groups["name"].Success) continue;  // comment, doctype, processing instruction, CDATA
            var name = m.Groups["name"].Value;
            bool closing = m.Groups["close"].Success;
            if (DroppedWithContent.Contains(name))
            {
                if (closing) continue;
                var end = Regex.Match(html[pos..], $@"</{Regex.Escape(name)}\s*>", RegexOptions.IgnoreCase);
                pos = end.Success ? pos + end.Index + end.Length : html.Length;
                continue;
            }
            if (!AllowedTags.Contains(name)) continue;
            if (closing) { sb.Append("</").Append(name.ToLowerInvariant()).Append('>'); continue; }
            sb.Append('<').Append(name.ToLowerInvariant());
            var attrs = m.Groups["attrs"].Value;
            foreach (Match a in Attribute().Matches(attrs))
            {
                var attrName = a.Groups["name"].Value;
                if (SafeAttribute(name, attrName, WebUtility.HtmlDecode(a.Groups["v"].Value), resolveImage) is not { } value) continue;
                sb.Append(' ').Append(attrName.ToLowerInvariant()).Append("=\"").Append(Html.Encode(value)).Append('"');
            }
            if (attrs.TrimEnd().EndsWith('/')) sb.Append(" /");
            sb.Append('>');
        }
        return sb.ToString();
    }

    private static string? SafeAttribute(string tag, string name, string value, Func<string, string?>? resolveImage)
    {
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return null;
        if (name.Equals("srcdoc", StringComparison.OrdinalIgnoreCase) || name.Equals("formaction", StringComparison.OrdinalIgnoreCase)) return null;
        if (name.Equals("style", StringComparison.OrdinalIgnoreCase))
            return SafeStyle(value) ? value : null;
        if (UrlAttributes.Contains(name))
        {
            bool image = tag.Equals("img", StringComparison.OrdinalIgnoreCase) && name.Equals("src", StringComparison.OrdinalIgnoreCase);
            if (image && resolveImage?.Invoke(value) is { } inlined) return inlined;
            return SafeUrl(value, image) ? value : null;
        }
        return value;
    }

    private static bool SafeStyle(string style)
    {
        var s = style.Replace("\\", "", StringComparison.Ordinal).ToLowerInvariant();
        return !s.Contains("expression", StringComparison.Ordinal) && !s.Contains("javascript:", StringComparison.Ordinal)
            && !s.Contains("url(", StringComparison.Ordinal) && !s.Contains("@import", StringComparison.Ordinal);
    }

    /// <summary>True for URLs that cannot run script: http(s), mailto, fragments, relative paths; data: only for images.</summary>
    public static bool SafeUrl(string url, bool image)
    {
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so compare without them.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        int colon = compact.IndexOf(':');
        int slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true;  // relative
        var scheme = compact[..colon];
        if (scheme is "http" or "https" or "mailto") return true;
        return image && compact.StartsWith("data:image/", StringComparison.Ordinal) && !compact.StartsWith("data:image/svg", StringComparison.Ordinal)
            || image && compact.StartsWith("data:image/svg+xml;base64,", StringComparison.Ordinal);
    }
}
