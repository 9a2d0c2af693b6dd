using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GenAI.Core;
using GenAI.Display;
using GenAI.Notebooks.Ipynb;

namespace GenAI.Notebooks.Export;

/// <summary>
/// Renders a code cell's nbformat outputs as HTML: streams and errors as preformatted text, rich
/// outputs by their best static representation (PNG/SVG/JPEG image, sanitised HTML, Markdown, TeX,
/// plain text) — or, in interactive mode, a plotly figure drawn by the page's inlined plotly.js
/// with its static image kept for printing.
/// </summary>
internal sealed partial class OutputRenderer(bool interactive, Func<string, string> markdown)
{
    private int _plots;

    /// <summary>True once a plotly figure was rendered interactively (the page then needs plotly.js).</summary>
    public bool UsedPlotly { get; private set; }

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    public string Render(JsonArray outputs)
    {
        var sb = new StringBuilder();
        foreach (var output in outputs.OfType<JsonObject>())
        {
            switch (output["output_type"]?.GetValue<string>())
            {
                case "stream":
                    var name = output["name"]?.GetValue<string>() == "stderr" ? "stderr" : "stdout";
                    sb.Append($"<pre class=\"output stream {name}\">").Append(Text(MultilineText.Join(output["text"]))).Append("</pre>\n");
                    break;
                case "error":
                    var traceback = output["traceback"] is JsonArray lines ? lines.Select(l => l?.GetValue<string>() ?? "").ToList() : [];
                    var head = $"{output["ename"]?.GetValue<string>()}: {output["evalue"]?.GetValue<string>()}";
                    var body = traceback.Count > 0 ? string.Join("\n", traceback) : head;
                    sb.Append("<pre class=\"output error\">").Append(Text(body)).Append("</pre>\n");
                    break;
                case "display_data" or "execute_result":
                    if (output["data"] is JsonObject data) sb.Append(RenderData(data, output["metadata"] as JsonObject)).Append('\n');
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Text(string text) => HtmlText.Escape(Ansi().Replace(text, ""));

    private string RenderData(JsonObject data, JsonObject? metadata)
    {
        string? Get(string mime) => data[mime] is { } node ? MultilineText.Join(node) : null;
        var staticImage = StaticImage(data, metadata);
        if (interactive && data["application/vnd.plotly.v1+json"] is JsonObject figure)
        {
            UsedPlotly = true;
            var id = $"plotly-{++_plots}";
            var json = figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
            var sb = new StringBuilder("<div class=\"output figure\">");
            sb.Append($"<div class=\"plotly-figure screen-only\" id=\"{id}\"></div>");
            sb.Append($"<script>(function(){{var f={json};")
                .Append($"Plotly.newPlot(\"{id}\",f.data||[],f.layout||{{}},{{responsive:true,displaylogo:false}});}})();</script>");
            if (staticImage is not null) sb.Append("<div class=\"print-only\">").Append(staticImage).Append("</div>");
            return sb.Append("</div>").ToString();
        }
        if (staticImage is not null) return $"<div class=\"output figure\">{staticImage}</div>";
        if (Get("text/html") is { } html) return $"<div class=\"output html\">{HtmlSanitizer.Sanitize(html)}</div>";
        if (Get("text/markdown") is { } md) return $"<div class=\"output markdown\">{markdown(md)}</div>";
        if (Get("text/latex") is { } latex)
        {
            var tex = latex.Trim().Trim('$');
            return $"<div class=\"output math\">{TexToMathMl.Convert(tex, display: true)}</div>";
        }
        if (Get("text/plain") is { } plain) return $"<pre class=\"output result\">{Text(plain)}</pre>";
        return "";
    }

    private static string? StaticImage(JsonObject data, JsonObject? metadata)
    {
        // SVG first: a captioned image grid carries its captions only in the SVG (its PNG is the bare raster).
        foreach (var mime in new[] { "image/svg+xml", "image/png", "image/jpeg", "image/gif" })
        {
            if (data[mime] is not { } node) continue;
            var value = MultilineText.Join(node);
            var base64 = mime == "image/svg+xml"
                ? Convert.ToBase64String(Encoding.UTF8.GetBytes(value))
                : string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
            var size = "";
            if (metadata?[mime] is JsonObject m)
            {
                if (m["width"] is JsonValue w) size += $" width=\"{HtmlText.Escape(w.ToJsonString().Trim('"'))}\"";
                if (m["height"] is JsonValue h) size += $" height=\"{HtmlText.Escape(h.ToJsonString().Trim('"'))}\"";
            }
            var alt = data["text/plain"] is { } plain ? HtmlText.Escape(MultilineText.Join(plain)) : "Abbildung";
            // An SVG inside <img> cannot run scripts, whatever it contains.
            return $"<img src=\"data:{mime};base64,{base64}\" alt=\"{alt}\"{size}>";
        }
        return null;
    }
}
