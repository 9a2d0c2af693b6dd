using System.Text.RegularExpressions;
using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

[NonParallelizable]
public class BrowserTests
{
    [TestCase("scatter-legend")]
    [TestCase("heatmap-annotated")]
    [TestCase("grid")]
    public void Plotly_draws_the_figure_from_an_offline_page(string name)
    {
        var browser = Chromium.RequireBrowser();
        var plotly = Chromium.RequirePlotlyJs();
        var figure = SampleFigures.All().Single(f => f.Name == name).Make();
        var folder = Directory.CreateTempSubdirectory("genai-plot-");
        try
        {
            var page = Path.Combine(folder.FullName, name + ".html");
            figure.SaveHtml(page, plotly);
            var dom = Chromium.DumpDom(browser, page);
            Assert.That(dom, Does.Contain("class=\"main-svg\""), "plotly.js did not draw its SVG");
            // The static fallback SVG was replaced by the interactive figure.
            Assert.That(dom, Does.Not.Contain("role=\"img\""));
            // plotly drew the trace data: every legend name (or the first axis title) is in the DOM.
            foreach (var trace in figure.Traces.Where(t => t.Name is not null))
                Assert.That(dom, Does.Contain(trace.Name!));
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
            SampleFigures.Histogram().SaveHtml(page);
            var dom = Chromium.DumpDom(browser, page);
            Assert.That(dom, Does.Contain("role=\"img\""));
            Assert.That(Regex.Count(dom, "<rect "), Is.GreaterThan(10));
        }
        finally { folder.Delete(recursive: true); }
    }
}
