using System.Text.Json.Nodes;
using GenAI.Cli.Commands;
using GenAI.Display;
using GenAI.Plotting;

namespace GenAI.Tests.Notebooks;

public class SavedFigureTests
{
    // One cell that displays a line chart of float32 values with many digits (1/3, 2/3, …).
    private const string ChartNotebook = """
        {"cells": [
          {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
           "source": ["#r \"../../../../artifacts/bin/GenAI/lib/GenAI.dll\"\n", "using GenAI.Plotting;\n", "using Plotly.NET.CSharp;\n",
                      "Chart.Line<int, float, string>(x: Enumerable.Range(1, 5), y: Enumerable.Range(1, 5).Select(i => i / 3f)).WithTitle(\"Drittel\")"]}
        ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        """;

    [Test]
    public async Task A_saved_figure_keeps_svg_and_plotly_json_with_float_digits_and_drops_the_duplicate_html()
    {
        using var folder = new TempNotebookFolder();
        var path = folder.Write("figur.ipynb", ChartNotebook);
        var log = new StringWriter();
        Assert.That(await RunCommand.RunAsync([path], log, CancellationToken.None), Is.Zero, log.ToString());

        var output = JsonNode.Parse(File.ReadAllText(path))!["cells"]![0]!["outputs"]![0]!.AsObject();
        var data = output["data"]!.AsObject();
        Assert.That(data.Select(p => p.Key), Is.EquivalentTo(new[] { MimeBundle.Plotly, MimeBundle.ImageSvg, MimeBundle.TextPlain }));

        // Oracle: the live bundle of the same chart, which still carries all four payloads.
        var live = Formatter.ToMimeBundle(Plotly.NET.CSharp.Chart.Line<int, float, string>(
            x: Enumerable.Range(1, 5), y: Enumerable.Range(1, 5).Select(i => i / 3f)).WithTitle("Drittel"));
        Assert.That(live.ContainsKey(MimeBundle.TextHtml), Is.True, "a live kernel still sends the plotly.js markup");
        var saved = data[MimeBundle.Plotly]!["data"]![0]!["y"]!.AsArray().Select(v => v!.ToJsonString()).ToArray();
        Assert.That(saved, Is.EqualTo(Enumerable.Range(1, 5).Select(i => (i / 3f).ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
            "float32 values are written with their own shortest digits, not as 17-digit doubles");
        var liveY = JsonNode.Parse(live[MimeBundle.Plotly])!["data"]![0]!["y"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        // Plotly.NET writes the float32 values with their own digits too; as floats, both denote the same numbers.
        Assert.That(saved.Select(s => float.Parse(s, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(liveY.Select(y => (float)y)),
            "and denote the same values");
        Assert.That(GenAI.Notebooks.Ipynb.MultilineText.Join(data[MimeBundle.ImageSvg]), Does.StartWith("<svg"));
    }

    // Two 2×2 grids of grey ramps: one with row captions (SVG + PNG), one bare (PNG only).
    private const string GridNotebook = """
        {"cells": [
          {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
           "source": ["#r \"../../../../artifacts/bin/GenAI/lib/GenAI.dll\"\n", "using GenAI.Plotting;\n", "using static TorchSharp.torch;\n",
                      "var tiles = linspace(0, 1, 4 * 4 * 4).reshape(4, 1, 4, 4);\n",
                      "display(ImageGrid.From(tiles, rows: 2, columns: 2).WithRowCaptions(\"oben\", \"unten\"));\n",
                      "ImageGrid.From(tiles, rows: 2, columns: 2)"]}
        ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        """;

    [Test]
    public async Task A_captioned_image_grid_is_saved_as_its_svg_alone_and_a_bare_grid_keeps_its_png()
    {
        using var folder = new TempNotebookFolder();
        var path = folder.Write("raster.ipynb", GridNotebook);
        var log = new StringWriter();
        Assert.That(await RunCommand.RunAsync([path], log, CancellationToken.None), Is.Zero, log.ToString());

        var outputs = JsonNode.Parse(File.ReadAllText(path))!["cells"]![0]!["outputs"]!.AsArray();
        var captioned = outputs[0]!["data"]!.AsObject();
        var bare = outputs[1]!["data"]!.AsObject();
        Assert.That(captioned.Select(p => p.Key), Is.EquivalentTo(new[] { MimeBundle.ImageSvg, MimeBundle.TextPlain }));
        var svg = GenAI.Notebooks.Ipynb.MultilineText.Join(captioned[MimeBundle.ImageSvg]);
        Assert.That(svg, Does.Contain(">oben</text>").And.Contain("data:image/png;base64,"), "the SVG carries captions and the raster");
        Assert.That(bare.Select(p => p.Key), Is.EquivalentTo(new[] { MimeBundle.ImagePng, MimeBundle.TextPlain }));
    }
}
