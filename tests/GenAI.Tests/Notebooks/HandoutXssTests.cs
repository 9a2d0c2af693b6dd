using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GenAI.Notebooks.Export;
using GenAI.Notebooks.Ipynb;
using GenAI.Tests.Plotting;

namespace GenAI.Tests.Notebooks;

/// <summary>
/// Hostile notebook HTML (raw HTML in a Markdown cell, a <c>text/html</c> output) exported to a handout:
/// the page a browser builds from it holds no script, handler, script URL or active embed, and the
/// harmless text next to each payload survives. The page is checked as a browser parses it (AngleSharp).
/// </summary>
public class HandoutXssTests
{
    /// <summary>Payload and a harmless marker that must stay visible.</summary>
    public static readonly string[] Payloads =
    [
        "<script>document.title='XSS'</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<ScRiPt>document.title='XSS'</sCrIpT>",
        "<img src=x onerror=\"document.title='XSS'\">",
        "<img src=\"x\" ONERROR=document.title='XSS'>",
        "<body onload=\"document.title='XSS'\">",
        "<div onmouseover=\"document.title='XSS'\">hover</div>",
        "<details open ontoggle=\"document.title='XSS'\"><summary>s</summary></details>",
        "<a href=\"javascript:document.title='XSS'\">link</a>",
        "<a href=\"JaVaScRiPt:document.title='XSS'\">link</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;document.title='XSS'\">entities</a>",
        "<a href=\"&#x6A;avascript&colon;document.title='XSS'\">hex entities</a>",
        "<a href=\"java\tscript:document.title='XSS'\">tab</a>",
        "<a href=\" &#14; javascript:document.title='XSS'\">leading control</a>",
        "<a href=\"vbscript:msgbox('XSS')\">vb</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5kb2N1bWVudC50aXRsZT0nWFNTJzwvc2NyaXB0Pg==\">data</a>",
        "<img src=\"data:text/html,<script>document.title='XSS'</script>\">",
        "<svg><script>document.title='XSS'</script></svg>",
        "<svg onload=\"document.title='XSS'\"><rect width=\"5\" height=\"5\"/></svg>",
        "<svg><a xlink:href=\"javascript:document.title='XSS'\"><text x=\"0\" y=\"10\">t</text></a></svg>",
        "<svg><animate attributeName=\"href\" to=\"javascript:document.title='XSS'\"/><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>",
        "<svg><foreignObject><iframe src=\"javascript:document.title='XSS'\"></iframe></foreignObject></svg>",
        "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/></svg>",
        "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:document.title='XSS'\">m</maction></math>",
        "<math href=\"javascript:document.title='XSS'\"><mi>x</mi></math>",
        "<math><mtext><table><mglyph><style><img src=x onerror=\"document.title='XSS'\">",
        "<div style=\"width: expression(document.title='XSS')\">css</div>",
        "<div style=\"background:url(javascript:document.title='XSS')\">css url</div>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>document.title='XSS'</script>\"></iframe>",
        "<object data=\"javascript:document.title='XSS'\"></object>",
        "<embed src=\"javascript:document.title='XSS'\">",
        "<base href=\"javascript:/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:document.title='XSS'\">",
        "<form action=\"javascript:document.title='XSS'\"><button formaction=\"javascript:alert(1)\">b</button></form>",
        "<input onfocus=\"document.title='XSS'\" autofocus>",
        "<<script>script>document.title='XSS'<</script>/script>",
        "<p><b><i>open <script>document.title='XSS'</b></i></script>",
        "<!--<img src=\"--><img src=x onerror=\"document.title='XSS'\">-->",
        "<noscript><p title=\"</noscript><img src=x onerror=document.title='XSS'>\"></noscript>",
        "<a href=\"#abschnitt\" onclick=\"document.title='XSS'\">anchor</a>",
    ];

    private static readonly string[] ActiveElements =
        ["script", "iframe", "frame", "object", "embed", "base", "form", "button", "foreignobject", "animate", "set", "use", "maction", "style", "noscript"];

    /// <summary>One notebook with every payload twice: raw HTML in Markdown and a <c>text/html</c> output.</summary>
    internal static Notebook HostileNotebook()
    {
        var cells = new JsonArray();
        cells.Add(Cell("markdown", "# Feindliches Kapitel\n\nHARMLOS-START", null));
        for (int i = 0; i < Payloads.Length; i++)
        {
            cells.Add(Cell("markdown", $"Absatz <b>HARMLOS-MD-{i}</b>\n\n{Payloads[i]}\n\nNach <i>HARMLOS-MDI-{i}</i> {Payloads[i]} Ende", null));
            var output = new JsonObject
            {
                ["output_type"] = "display_data", ["metadata"] = new JsonObject(),
                ["data"] = new JsonObject { ["text/html"] = $"<p><b>HARMLOS-OUT-{i}</b></p>{Payloads[i]}", ["text/plain"] = "x" },
            };
            cells.Add(Cell("code", "display(x);", new JsonArray(output)));
        }
        var json = new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        return Notebook.Parse(json.ToJsonString(), "feindlich.ipynb");
    }

    private static JsonObject Cell(string type, string source, JsonArray? outputs)
    {
        var cell = new JsonObject { ["cell_type"] = type, ["metadata"] = new JsonObject(), ["source"] = source };
        if (outputs is not null) { cell["execution_count"] = 1; cell["outputs"] = outputs; }
        return cell;
    }

    private static string Export() =>
        new HtmlExporter(new ExportOptions { Solutions = SolutionMode.Show }).Export(HostileNotebook(), ".", "feindlich.ipynb").Html;

    [Test]
    public void No_payload_survives_in_an_executable_form()
    {
        var document = new HtmlParser().ParseDocument(Export());
        var main = document.QuerySelector("main")!;
        var problems = new List<string>();
        foreach (var element in main.Descendants<IElement>())
        {
            var name = element.LocalName.ToLowerInvariant();
            if (ActiveElements.Contains(name)) problems.Add($"<{name}> element");
            if (name == "meta" && element.HasAttribute("http-equiv")) problems.Add("meta refresh");
            foreach (var attribute in element.Attributes)
            {
                var attr = attribute.LocalName.ToLowerInvariant();
                var value = attribute.Value;
                if (attr.StartsWith("on", StringComparison.Ordinal)) problems.Add($"{attr} on <{name}>");
                if (attr is "srcdoc" or "formaction" or "action" or "attributename") problems.Add($"{attr} on <{name}>");
                if (attr is "href" or "src" or "data" or "action" or "background" or "poster" or "cite")
                {
                    var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    bool allowed = compact.StartsWith("http://") || compact.StartsWith("https://") || compact.StartsWith("mailto:")
                        || compact.StartsWith('#') || !compact.Contains(':')
                        || name == "img" && attr == "src" && compact.StartsWith("data:image/") && !compact.StartsWith("data:image/svg+xml,");
                    if (!allowed) problems.Add($"{attr}=\"{value}\" on <{name}>");
                }
                if (attr == "style"
                    && (value.Contains("expression", StringComparison.OrdinalIgnoreCase) || value.Contains("javascript", StringComparison.OrdinalIgnoreCase)))
                    problems.Add($"style=\"{value}\" on <{name}>");
            }
        }
        Assert.That(problems, Is.Empty);
        Assert.That(document.QuerySelectorAll("script"), Is.Empty, "a static handout has no script at all");
    }

    [Test]
    public void Harmless_content_next_to_each_payload_stays()
    {
        var text = new HtmlParser().ParseDocument(Export()).QuerySelector("main")!.TextContent;
        Assert.That(text, Does.Contain("HARMLOS-START"));
        for (int i = 0; i < Payloads.Length; i++)
        {
            Assert.That(text, Does.Contain($"HARMLOS-MD-{i}"), Payloads[i]);
            Assert.That(text, Does.Contain($"HARMLOS-OUT-{i}"), Payloads[i]);
        }
    }

    [Test]
    public void A_progress_bar_keeps_its_numeric_value_and_max_and_nothing_else()
    {
        var html = HtmlSanitizer.Sanitize("<progress value=\"744\" max=\"744\" onclick=\"alert(1)\"></progress><progress value=\"javascript:x\"></progress>");
        Assert.That(html, Does.Contain("<progress value=\"744\" max=\"744\"></progress>"));
        Assert.That(html, Does.Not.Contain("onclick").And.Not.Contain("javascript"));
    }

    [Test]
    public void Handout_markup_survives_the_sanitiser()
    {
        var notebook = Notebook.Parse("""
            {"cells": [{"cell_type": "markdown", "metadata": {}, "source": [
               "# Titel\n", "\n", "## Abschnitt\n", "\n", "| a | b |\n", "|---|---|\n", "| 0,5 | 1 |\n", "\n",
               "Formel $\\frac{a}{b}$ und [Link](https://example.org), [relativ](kapitel.html), [Anker](#abschnitt), <a href=\"mailto:a@b.de\">Mail</a>\n",
               "\n", "- [x] erledigt\n", "\n",
               "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"p\"> <img src=\"data:image/svg+xml;base64,PHN2Zy8+\" alt=\"s\">\n",
               "\n", "```csharp\n", "var x = 1;\n", "```\n"]},
             {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "x", "outputs": [
               {"output_type": "display_data", "metadata": {}, "data": {"text/html": [
                 "<table class=\"genai-table\"><thead><tr><th style=\"text-align: right\">n</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
                 "<svg viewBox=\"0 0 10 10\" width=\"10\"><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"red\"/></linearGradient>",
                 "<rect x=\"1\" width=\"5\" height=\"5\" fill=\"url(#g)\"/><text x=\"1\" y=\"9\" font-size=\"3\">t</text></svg>"], "text/plain": "x"}}]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """, "gut.ipynb");
        var html = new HtmlExporter(new ExportOptions()).Export(notebook, ".", "gut.ipynb").Html;
        var main = new HtmlParser().ParseDocument(html).QuerySelector("main")!;
        Assert.Multiple(() =>
        {
            Assert.That(main.QuerySelector("h2#abschnitt"), Is.Not.Null);
            Assert.That(main.QuerySelectorAll("table"), Has.Length.EqualTo(2));
            Assert.That(main.QuerySelector("math mfrac"), Is.Not.Null, "TeX → MathML stays");
            Assert.That(main.QuerySelector("a[href='https://example.org']"), Is.Not.Null);
            Assert.That(main.QuerySelector("a[href='kapitel.html']"), Is.Not.Null);
            Assert.That(main.QuerySelector("a[href='#abschnitt']"), Is.Not.Null);
            Assert.That(main.QuerySelector("a[href='mailto:a@b.de']"), Is.Not.Null);
            Assert.That(main.QuerySelector("input[type=checkbox][disabled]"), Is.Not.Null);
            Assert.That(main.QuerySelector("img[src='data:image/png;base64,iVBORw0KGgo=']"), Is.Not.Null);
            Assert.That(main.QuerySelector("img[src='data:image/svg+xml;base64,PHN2Zy8+']"), Is.Not.Null);
            Assert.That(main.QuerySelector("code.language-csharp span"), Is.Not.Null, "highlighted fenced C# stays");
            Assert.That(main.QuerySelector("table.genai-table th")!.GetAttribute("style"), Does.Contain("text-align"));
            Assert.That(main.QuerySelector("svg rect")!.GetAttribute("fill"), Is.EqualTo("url(#g)"));
            Assert.That(main.QuerySelector("svg text")?.TextContent, Is.EqualTo("t"));
            Assert.That(main.QuerySelector("svg")!.GetAttribute("viewBox"), Is.EqualTo("0 0 10 10"));
        });
    }

    /// <summary>The browser's own verdict: every payload tries to set document.title or add an element; neither happens.</summary>
    [Test]
    public void Chromium_runs_no_script_from_a_hostile_handout()
    {
        var browser = Chromium.RequireBrowser();
        var file = Path.Combine(Path.GetTempPath(), $"genai-xss-{Guid.NewGuid():N}.html");
        // A trusted script of our own at the end proves scripts do run in this browser run.
        File.WriteAllText(file,
            Export().Replace("</body>", "<script>document.body.setAttribute('data-probe','ran')</script></body>", StringComparison.Ordinal));
        try
        {
            var dom = Chromium.DumpDom(browser, file);
            Assert.That(dom, Does.Contain("data-probe=\"ran\""), "control: the page's own script ran");
            Assert.That(dom, Does.Contain("<title>Feindliches Kapitel"), "no payload changed document.title");
            Assert.That(dom, Does.Not.Contain("<title>XSS"));
            Assert.That(dom, Does.Contain("HARMLOS-OUT-0"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
