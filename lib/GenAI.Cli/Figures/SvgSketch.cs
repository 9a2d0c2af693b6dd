using System.Globalization;
using System.Text;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Cli.Figures;

/// <summary>
/// A minimal SVG writer for the course's explanatory diagrams (architecture sketches). Charts with
/// axes come from GenAI.Plotting; this only draws boxes, arrows and labels at fixed coordinates.
/// </summary>
internal sealed class SvgSketch(double width, double height)
{
    public const string Font = "DejaVu Sans, Helvetica, Arial, sans-serif";
    private readonly StringBuilder _body = new();

    private static string N(double v) => Math.Round(v, 2).ToString(CultureInfo.InvariantCulture);
    private static string E(string s) => GenAI.Core.HtmlText.Escape(s);

    public SvgSketch Rect(double x, double y, double w, double h, string fill, string stroke = "none", double rx = 4, string extra = "")
    {
        _body.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" rx=\"{N(rx)}\" fill=\"{fill}\" stroke=\"{stroke}\"{extra}/>\n");
        return this;
    }

    public SvgSketch Polygon(string fill, string stroke, params (double X, double Y)[] points)
    {
        var p = string.Join(" ", points.Select(q => $"{N(q.X)},{N(q.Y)}"));
        _body.Append($"<polygon points=\"{p}\" fill=\"{fill}\" stroke=\"{stroke}\"/>\n");
        return this;
    }

    public SvgSketch Circle(double cx, double cy, double r, string fill, string stroke)
    {
        _body.Append($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>\n");
        return this;
    }

    /// <summary>Text anchored at (x, y); <paramref name="anchor"/> is start, middle or end.</summary>
    public SvgSketch Text(
        double x, double y, string text, double size = 14, string anchor = "middle", string color = "#222", string weight = "normal", bool italic = false)
    {
        var style = italic ? " font-style=\"italic\"" : "";
        _body.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{color}\"")
            .Append($" font-weight=\"{weight}\"{style}>{E(text)}</text>\n");
        return this;
    }

    public SvgSketch Arrow(double x1, double y1, double x2, double y2, string color = "#555", bool dashed = false)
    {
        var dash = dashed ? " stroke-dasharray=\"5,4\"" : "";
        _body.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{color}\" stroke-width=\"1.8\"{dash}")
            .Append(" marker-end=\"url(#arrow)\"/>\n");
        return this;
    }

    /// <summary>
    /// A grey-scale image (values 0..1, row-major; 0 black, 1 white, as the image grids show it),
    /// embedded as a PNG upscaled nearest-neighbour so every renderer keeps the pixels sharp.
    /// </summary>
    public SvgSketch Pixels(double x, double y, double size, float[] values, int side)
    {
        var png = Raster.FromGray(values, side, side).Upscale(Math.Max(1, (int)Math.Ceiling(size / side))).ToPng();
        Rect(x - 1, y - 1, size + 2, size + 2, "none", "#999", 0);
        _body.Append($"<image x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(size)}\" height=\"{N(size)}\" style=\"image-rendering:pixelated\"")
            .Append($" href=\"data:image/png;base64,{Convert.ToBase64String(png)}\"/>\n");
        return this;
    }

    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\"" +
        $" viewBox=\"0 0 {N(width)} {N(height)}\" font-family=\"{Font}\">\n" +
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">" +
        "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n" +
        $"<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n{_body}</svg>\n";
}
