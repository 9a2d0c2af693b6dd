using System.Text;
using GenAI.Core;
using Plotly.NET;

namespace GenAI.Plotting;

/// <summary>
/// HTML for figures. A notebook fragment is a <c>div</c> that first holds the static SVG and a script
/// that replaces it with the interactive plotly.js figure as soon as plotly.js is available:
/// <list type="number">
/// <item>if <c>window.Plotly</c> already exists (an exporter inlined plotly.min.js once at the top of the
/// page, see <see cref="InlineScript"/>), it is used directly — no network;</item>
/// <item>else, under RequireJS (classic Jupyter), plotly is required from <see cref="CdnUrl"/>;</item>
/// <item>else one <c>&lt;script src=CdnUrl&gt;</c> is added to the page (shared by all figures on it).</item>
/// </list>
/// Offline and without an inlined plotly.js, the static SVG simply stays — the figure is never blank.
/// Exporters that prefer to render figures themselves find the same figure as
/// <c>application/vnd.plotly.v1+json</c> in the MIME bundle.
/// </summary>
public static class PlotlyHtml
{
    /// <summary>The plotly.js version the JSON is written for (npm <c>plotly.js-dist-min</c>).</summary>
    public const string PlotlyVersion = "4.1.2";

    /// <summary>The pinned CDN address notebooks load plotly.js from.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-" + PlotlyVersion + ".min.js";

    // Element ids derive from the figure's content (plus how often that content was shown before in
    // this process), so re-running a seeded notebook writes byte-identical outputs.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Occurrences = new(StringComparer.Ordinal);

    /// <summary>
    /// A <c>&lt;script&gt;</c> element that defines <c>window.Plotly</c> from a local plotly.min.js. An
    /// offline page (handout) includes it ONCE before its first figure; every figure fragment on the page
    /// then draws with it instead of the CDN.
    /// </summary>
    public static string InlineScript(string plotlyJsPath)
    {
        if (!File.Exists(plotlyJsPath))
            throw new FileNotFoundException(
                $"plotly.js wurde unter \"{plotlyJsPath}\" nicht gefunden. "
                + $"Installiere es z. B. mit \"npm install plotly.js-dist-min@{PlotlyVersion}\" und setze GENAI_PLOTLY_JS auf plotly.min.js.",
                plotlyJsPath);
        // "</script" inside the library would end the element early; plotly.min.js does not contain it, but be safe.
        var source = File.ReadAllText(plotlyJsPath).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        return "<script type=\"text/javascript\">" + source + "</script>";
    }

    /// <summary>The notebook fragment for <paramref name="chart"/> (see the class remarks).</summary>
    public static string Fragment(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        string figureJson = ChartOutput.DisplayJson(chart);
        var figure = FigureJson.Read(figureJson);
        return Fragment(figureJson, figure, SvgRenderer.Render(figure));
    }

    // figureJson, the figure read from it and its SVG: callers that already have them parse the JSON only once.
    internal static string Fragment(string figureJson, Figure figure, string svg)
    {
        string json = figureJson.Replace("</", "<\\/", StringComparison.Ordinal);
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12];
        int occurrence = Occurrences.AddOrUpdate(hash, 1, (_, n) => n + 1);
        string id = occurrence == 1
            ? $"genai-plot-{hash}"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"genai-plot-{hash}-{occurrence}");
        var html = new StringBuilder();
        html.Append("<div class=\"genai-figure\" id=\"").Append(id).Append("\" style=\"width:").Append(figure.Width)
            .Append("px;min-height:").Append(figure.Height).Append("px;max-width:100%\">");
        html.Append(svg);
        html.Append("</div>\n<script type=\"text/javascript\">\n(function () {\n");
        html.Append("  var fig = ").Append(json).Append(";\n");
        html.Append("  var id = \"").Append(id).Append("\";\n");
        html.Append("""
              function draw(P) {
                var el = document.getElementById(id);
                if (!el || !P) return;
                el.innerHTML = "";
                P.newPlot(el, fig.data, fig.layout, { displaylogo: false, responsive: false });
              }
              if (window.Plotly) { draw(window.Plotly); return; }
              if (typeof window.requirejs === "function" && window.requirejs.config) {
                window.requirejs.config({ paths: { plotly: "
            """);
        html.Append(CdnUrl[..^3]);
        html.Append("""
            " } });
                window.requirejs(["plotly"], function (P) { window.Plotly = window.Plotly || P; draw(P); });
                return;
              }
              var s = document.querySelector("script[data-genai-plotly]");
              if (!s) {
                s = document.createElement("script");
                s.src = "
            """);
        html.Append(CdnUrl);
        html.Append("""
            ";
                s.setAttribute("data-genai-plotly", "1");
                document.head.appendChild(s);
              }
              s.addEventListener("load", function () { draw(window.Plotly); });
            })();
            </script>
            """);
        return html.ToString();
    }

    /// <summary>A complete page with one figure; plotly.js inlined when <paramref name="plotlyJsPath"/> is given.</summary>
    public static string Page(GenericChart chart, string? plotlyJsPath = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        string figureJson = ChartOutput.DisplayJson(chart);
        var figure = FigureJson.Read(figureJson);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(GenAI.Core.HtmlText.Escape(figure.Title ?? "Abbildung")).Append("</title>\n");
        if (plotlyJsPath is not null) page.Append(InlineScript(plotlyJsPath)).Append('\n');
        page.Append("</head>\n<body style=\"margin:16px;background:#fff\">\n");
        page.Append(Fragment(figureJson, figure, SvgRenderer.Render(figure)));
        page.Append("\n</body>\n</html>\n");
        return page.ToString();
    }
}
