using System.Text.RegularExpressions;
using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

[NonParallelizable]
public class BrowserTests
{
    [Test]
    public void Plotly_draws_every_figure_of_an_offline_page_with_plotly_inlined_once()
    {
        var browser = Chromium.RequireBrowser();
        var plotly = Chromium.RequirePlotlyJs();
        // One page, several figures, one Chromium run: the way an exported handout uses them.
        string[] names = ["scatter-legend", "heatmap-annotated", "grid", "bar"];
        var figures = names.Select(n => SampleFigures.All().Single(f => f.Name == n).Make()).ToList();
        var folder = Directory.CreateTempSubdirectory("genai-plot-");
        try
        {
            var page = Path.Combine(folder.FullName, "figures.html");
            File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + PlotlyHtml.InlineScript(plotly) + "</head><body>"
                + string.Concat(figures.Select(f => f.ToHtml())) + "</body></html>");
            var dom = Chromium.DumpDom(browser, page);
            // plotly.js draws two "main-svg" layers per figure; every figure must have them.
            Assert.That(Regex.Count(dom, "class=\"main-svg\""), Is.GreaterThanOrEqualTo(2 * figures.Count), "plotly.js did not draw every figure");
            // The static fallback SVGs were all replaced by the interactive figures.
            Assert.That(dom, Does.Not.Contain("role=\"img\""));
            // plotly drew the trace data: every legend name and heatmap label is in the DOM.
            foreach (var name in figures.SelectMany(f => f.Model().Traces).Select(t => t.Name).OfType<string>())
                Assert.That(dom, Does.Contain(name));
            Assert.That(dom, Does.Contain("Königin"));
        }
        finally { folder.Delete(recursive: true); }
    }

    [Test]
    public void Without_plotly_the_static_svg_stays_in_the_page()
    {
        var browser = Chromium.RequireBrowser();
        var folder = Directory.CreateTempSubdirectory("genai-plot-");
        try
        {
            // No plotly.js inlined and no network: the CDN script fails, the fallback must remain.
            var page = Path.Combine(folder.FullName, "offline.html");
            SampleFigures.Histogram().SaveHtmlPage(page);
            var dom = Chromium.DumpDom(browser, page);
            Assert.That(dom, Does.Contain("role=\"img\""));
            Assert.That(Regex.Count(dom, "<rect "), Is.GreaterThan(10));
        }
        finally { folder.Delete(recursive: true); }
    }
}
