using GenAI.Notebooks.Export;
using GenAI.Notebooks.Ipynb;

namespace GenAI.Tests.Notebooks;

public class HtmlExportTests
{
    private static Handout ExportFixture(SolutionMode solutions) =>
        new HtmlExporter(new ExportOptions { Solutions = solutions })
            .Export(Notebook.Load(Path.Combine(RepoPaths.Fixtures, "kapitel.ipynb")), RepoPaths.Fixtures, "kapitel.ipynb");

    /// <summary>Set GENAI_UPDATE_GOLDEN=1 to rewrite the golden file after an intended change (then look at the diff).</summary>
    [Test]
    public void The_fixture_exports_to_the_golden_handout()
    {
        var handout = ExportFixture(SolutionMode.Collapse);
        var golden = Path.Combine(RepoPaths.Fixtures, "kapitel.golden.html");
        if (Environment.GetEnvironmentVariable("GENAI_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, handout.Html);
        Assert.That(handout.Html, Is.EqualTo(File.ReadAllText(golden)));
        Assert.That(handout.Title, Is.EqualTo("Testkapitel: Wahrscheinlichkeiten"));
        Assert.That(handout.Warnings, Is.Empty);
    }

    [Test]
    public void Notebook_html_cannot_run_script()
    {
        var html = ExportFixture(SolutionMode.Show).Html;
        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(html, Does.Not.Contain("alert('nein')"));
        Assert.That(html, Does.Not.Contain("onclick").And.Not.Contain("javascript:"));
        Assert.That(html, Does.Contain("<b>fett</b>").And.Contain("<sub>tief</sub>"), "harmless raw HTML stays");
    }

    [Test]
    public void The_handout_is_self_contained_german_and_has_a_table_of_contents()
    {
        var html = ExportFixture(SolutionMode.Hide).Html;
        Assert.That(html, Does.Contain("<html lang=\"de\">").And.Contain("<h2>Inhalt</h2>"));
        Assert.That(html, Does.Contain("<a href=\"#übung\">Übung</a>"));
        Assert.That(html, Does.Contain("src=\"data:image/png;base64,iVBOR"), "the Markdown image is inlined");
        Assert.That(html, Does.Contain("src=\"data:image/svg+xml;base64,"), "the SVG output is embedded");
        Assert.That(html, Does.Not.Contain("src=\"bild.png\"").And.Not.Contain("http://").Or.Contain("xmlns"));
        Assert.That(html, Does.Contain("<span class=\"type\">Enumerable</span>.<span class=\"fn\">Range</span>"), "Roslyn classification");
        Assert.That(html, Does.Contain("@media print"));
    }

    [TestCase(SolutionMode.Hide, false, false)]
    [TestCase(SolutionMode.Show, true, false)]
    [TestCase(SolutionMode.Collapse, true, true)]
    public void Solution_cells_follow_the_mode(SolutionMode mode, bool solutionPresent, bool collapsed)
    {
        var html = ExportFixture(mode).Html;
        Assert.That(html.Contains("// Lösung", StringComparison.Ordinal), Is.EqualTo(solutionPresent));
        Assert.That(html.Contains("<summary>Lösung anzeigen</summary>", StringComparison.Ordinal), Is.EqualTo(collapsed));
        if (!solutionPresent) Assert.That(html, Does.Contain("Die Lösung ist in diesem Handout ausgeblendet."));
    }

    [Test]
    public void Remove_tags_hide_input_or_the_whole_cell()
    {
        var html = ExportFixture(SolutionMode.Hide).Html;
        Assert.That(html, Does.Contain("Nur die Ausgabe ist sichtbar.\n</pre>"), "the output of a remove-input cell stays");
        Assert.That(html, Does.Not.Contain("Console</span>.<span class=\"fn\">WriteLine</span>(<span class=\"str\">&quot;Nur die Ausgabe"));
        Assert.That(html, Does.Not.Contain("versteckt"));
    }

    [Test]
    public void The_index_links_every_chapter_in_order()
    {
        var index = HtmlExporter.Index([("00-a.html", "Einführung", "00-a.ipynb"), ("01-b.html", "Autoencoder", "01-b.ipynb")]);
        Assert.That(index, Does.Contain("<a href=\"00-a.html\">Einführung</a>"));
        Assert.That(index.IndexOf("00-a.html", StringComparison.Ordinal), Is.LessThan(index.IndexOf("01-b.html", StringComparison.Ordinal)));
    }

    [Test]
    public void Interactive_export_inlines_plotly_once_and_keeps_the_static_image_for_print()
    {
        var plotly = Path.Combine(Path.GetTempPath(), $"plotly-stub-{Guid.NewGuid():N}.js");
        File.WriteAllText(plotly, "window.Plotly={newPlot:function(){}}; /* PLOTLY-STUB */");
        try
        {
            var notebook = Notebook.Parse("""
                {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "chart", "outputs": [
                  {"output_type": "display_data", "metadata": {},
                   "data": {"application/vnd.plotly.v1+json": {"data": [{"y": [1, 2]}], "layout": {"title": {"text": "</script>"}}},
                            "image/png": "iVBORw0KGgo=", "text/plain": "Figur"}},
                  {"output_type": "display_data", "metadata": {},
                   "data": {"application/vnd.plotly.v1+json": {"data": [], "layout": {}}, "text/plain": "Figur 2"}}]}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """, "plot.ipynb");
            var html = new HtmlExporter(new ExportOptions { Interactive = true, PlotlyJsPath = plotly }).Export(notebook, ".", "plot.ipynb").Html;
            Assert.That(html.Split("PLOTLY-STUB").Length - 1, Is.EqualTo(1));
            Assert.That(html, Does.Contain("Plotly.newPlot(\"plotly-1\"").And.Contain("Plotly.newPlot(\"plotly-2\""));
            Assert.That(html, Does.Contain("<div class=\"print-only\"><img src=\"data:image/png;base64,iVBORw0KGgo=\""));
            Assert.That(html, Does.Not.Contain("\"</script>\""), "figure JSON cannot close the script element");
            var staticHtml = new HtmlExporter(new ExportOptions()).Export(notebook, ".", "plot.ipynb").Html;
            Assert.That(staticHtml, Does.Not.Contain("PLOTLY-STUB").And.Not.Contain("<script"));
        }
        finally
        {
            File.Delete(plotly);
        }
    }

    [Test]
    public void An_output_with_svg_and_png_is_shown_as_its_svg_which_carries_an_image_grids_captions()
    {
        // As an image grid with captions sends it: the SVG (captions + raster), and the bare raster as PNG.
        var notebook = Notebook.Parse("""
            {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "grid", "outputs": [
              {"output_type": "display_data", "metadata": {},
               "data": {"image/svg+xml": "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>oben</text></svg>",
                        "image/png": "iVBORw0KGgo=", "text/plain": "Bildraster"}}]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """, "grid.ipynb");
        var html = new HtmlExporter(new ExportOptions()).Export(notebook, ".", "grid.ipynb").Html;
        Assert.That(html, Does.Contain("src=\"data:image/svg+xml;base64,"));
        Assert.That(html, Does.Not.Contain("iVBORw0KGgo="));
    }
}
