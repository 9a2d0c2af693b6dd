namespace GenAI.Notebooks.Export;

/// <summary>
/// Cleans HTML that comes from notebook content (a rendered Markdown cell with its raw HTML and math,
/// <c>text/html</c> outputs) before it goes into a handout. The parsing and the allow-list are
/// <see href="https://github.com/mganss/HtmlSanitizer">HtmlSanitizer</see>'s (a real HTML5 parser, so
/// malformed nesting and entity tricks are read as a browser reads them); this class only widens the list
/// for what a handout needs — MathML from <see cref="TexToMathMl"/>, inline SVG figures, heading ids,
/// task-list checkboxes, embedded images — and narrows it for forms and SVG/MathML features that can link.
/// The exporter's own scaffolding (page frame, plotly scripts, output images) is trusted and not passed here.
/// </summary>
internal static class HtmlSanitizer
{
    private static readonly string[] MathMl =
    [
        "math", "mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot", "msub", "msup", "msubsup",
        "munder", "mover", "munderover", "mtable", "mtr", "mtd", "mstyle", "mpadded", "mphantom", "menclose", "semantics",
        "annotation", "merror", "mmultiscripts", "mprescripts", "none",
    ];

    private static readonly string[] MathMlAttributes =
    [
        "display", "mathvariant", "stretchy", "fence", "separator", "lspace", "rspace", "accent", "accentunder",
        "columnalign", "rowspacing", "columnspacing", "displaystyle", "scriptlevel", "linethickness", "encoding", "xmlns",
        "largeop", "movablelimits", "symmetric", "minsize", "maxsize", "depth", "notation", "form", "rowalign",
    ];

    // No <use>, <image>, <a>, <animate*>, <set>, <foreignObject> or <script>: those can fetch, link or run.
    private static readonly string[] Svg =
    [
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "defs", "clipPath",
        "linearGradient", "radialGradient", "stop", "title", "desc", "marker", "pattern", "mask", "symbol",
    ];

    private static readonly string[] SvgAttributes =
    [
        "viewBox", "d", "fill", "stroke", "stroke-width", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry",
        "points", "transform", "opacity", "fill-opacity", "stroke-opacity", "font-size", "font-family", "font-weight",
        "text-anchor", "dominant-baseline", "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
        "clip-path", "marker-start", "marker-mid", "marker-end", "preserveAspectRatio", "stroke-dasharray",
        "stroke-linecap", "stroke-linejoin", "dx", "dy", "fill-rule", "clip-rule", "vector-effect", "markerWidth",
        "markerHeight", "refX", "refY", "orient", "patternUnits", "mask", "fx", "fy", "letter-spacing", "textLength",
        "shape-rendering", "xmlns",
    ];

    /// <summary>Sanitises <paramref name="html"/>; <paramref name="resolveImage"/> may turn a local <c>src</c> into a data URI.</summary>
    public static string Sanitize(string html, Func<string, string?>? resolveImage = null)
    {
        var sanitizer = new Ganss.Xss.HtmlSanitizer();
        foreach (var tag in (string[])["form", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "label", "datalist", "output"])
            sanitizer.AllowedTags.Remove(tag);
        foreach (var tag in MathMl.Concat(Svg).Concat(["center", "font", "details", "summary", "figure", "figcaption", "mark"]))
            sanitizer.AllowedTags.Add(tag);
        foreach (var attribute in MathMlAttributes.Concat(SvgAttributes).Concat(["id", "class", "open"]))
            sanitizer.AllowedAttributes.Add(attribute);
        foreach (var attribute in (string[])["action", "formaction", "name", "value"]) sanitizer.AllowedAttributes.Remove(attribute);
        // A finished training cell shows <progress value max>: without the two numbers the bar is drawn as an
        // indeterminate (moving, part-filled) bar beside text that says 100 %. They are numbers only, so they stay.
        sanitizer.RemovingAttribute += (_, e) =>
        {
            string name = e.Attribute.Name, value = e.Attribute.Value ?? "";
            bool numeric = double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double _);
            if (e.Tag.LocalName == "progress" && (name == "value" || name == "max") && numeric) e.Cancel = true;
        };
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("data");
        sanitizer.FilterUrl += (_, e) =>
        {
            bool image = e.Tag.LocalName == "img";
            if (image && resolveImage?.Invoke(e.OriginalUrl) is { } inlined) e.SanitizedUrl = inlined;
            // data: only for raster images (and base64 SVG, which cannot run script inside <img>); never on links.
            // Large data URIs exceed System.Uri's length limit, so the scheme check here is the one that decides.
            else e.SanitizedUrl = SafeUrl(e.OriginalUrl, image) ? e.SanitizedUrl ?? e.OriginalUrl : null;
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Markdig's task lists are the only inputs a handout shows: disabled checkboxes.
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "input" } input)
            {
                if (!string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase)) input.Remove();
                else input.SetAttribute("disabled", "disabled");
            }
        };
        return sanitizer.Sanitize(html);
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
