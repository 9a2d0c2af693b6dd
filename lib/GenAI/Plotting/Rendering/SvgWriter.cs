using System.Globalization;
using System.Text;

namespace GenAI.Plotting;

/// <summary>Appends SVG markup: escaped text, compact invariant numbers (0.1 px precision is plenty on screen and paper).</summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _sb = new();

    public static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                default:
                    // XML 1.0 forbids most control characters; drop them rather than emit an invalid document.
                    if (c >= ' ' || c is '\t' or '\n' or '\r') sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    public SvgWriter Raw(string markup) { _sb.Append(markup); return this; }

    public SvgWriter Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? extra = null)
    {
        _sb.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
           .Append("\" stroke=\"").Append(stroke).Append('"');
        if (width != 1) _sb.Append(" stroke-width=\"").Append(N(width)).Append('"');
        if (extra is not null) _sb.Append(' ').Append(extra);
        _sb.Append("/>\n");
        return this;
    }

    public SvgWriter Rect(double x, double y, double w, double h, string fill, string? extra = null)
    {
        _sb.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Math.Max(0, w)))
           .Append("\" height=\"").Append(N(Math.Max(0, h))).Append("\" fill=\"").Append(fill).Append('"');
        if (extra is not null) _sb.Append(' ').Append(extra);
        _sb.Append("/>\n");
        return this;
    }

    /// <summary>Text at (x, y) where y is the baseline; anchor is start, middle or end.</summary>
    public SvgWriter Text(double x, double y, string text, double size, string anchor = "start", string fill = Style.Text, string? extra = null)
    {
        _sb.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" font-size=\"").Append(N(size)).Append('"');
        if (anchor != "start") _sb.Append(" text-anchor=\"").Append(anchor).Append('"');
        if (fill != Style.Text) _sb.Append(" fill=\"").Append(fill).Append('"');
        if (extra is not null) _sb.Append(' ').Append(extra);
        _sb.Append('>').Append(Escape(text)).Append("</text>\n");
        return this;
    }

    public override string ToString() => _sb.ToString();
}
