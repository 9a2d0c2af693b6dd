using System.Text.Json.Nodes;

namespace GenAI.Tests.Kernel;

/// <summary>
/// Compares a chapter executed through a Jupyter kernel with the committed chapter (the golden run of
/// <c>genai run</c>): no errors, no value shown as .NET Interactive's object tree, and as many figures
/// (static SVG, including captioned image grids) and German tables as the committed file shows.
/// </summary>
internal static class ChapterOutputs
{
    public sealed record Kinds(int Figures, int Tables, int ObjectTrees, IReadOnlyList<string> Errors);

    /// <summary>Counts what the rich outputs of a notebook show.</summary>
    public static Kinds Read(string notebookPath)
    {
        int figures = 0, tables = 0, trees = 0;
        var errors = new List<string>();
        var cells = JsonNode.Parse(File.ReadAllText(notebookPath))!["cells"]!.AsArray();
        foreach (var output in cells.SelectMany(cell => cell!["outputs"]?.AsArray() ?? []).Select(o => o!))
        {
            var type = (string?)output["output_type"];
            if (type == "error")
            {
                errors.Add($"{output["ename"]}: {output["evalue"]}");
                continue;
            }
            if (type is not ("display_data" or "execute_result")) continue;
            var data = output["data"]!;
            var html = Text(data["text/html"]);
            // A chart's HTML on the official kernel is our fragment: the static SVG inside a genai-figure div.
            if (data["image/svg+xml"] is not null || html.TrimStart().StartsWith("<svg", StringComparison.Ordinal)
                || html.Contains("class=\"genai-figure\"", StringComparison.Ordinal)) figures++;
            else if (html.Contains("class=\"genai-table\"", StringComparison.Ordinal)) tables++;
            if (html.Contains("dni-treeview", StringComparison.Ordinal)) trees++;
        }
        return new Kinds(figures, tables, trees, errors);
    }

    /// <summary>Asserts that <paramref name="executed"/> shows the committed chapter's figures and tables as such.</summary>
    public static void AssertRenderedLikeCommitted(string committed, string executed, string kernel)
    {
        var expected = Read(committed);
        var seen = Read(executed);
        var chapter = Path.GetFileName(committed);
        Assert.Multiple(() =>
        {
            Assert.That(seen.Errors, Is.Empty, $"{chapter} on {kernel}: errors");
            Assert.That(seen.ObjectTrees, Is.Zero, $"{chapter} on {kernel}: values fell back to .NET Interactive's object tree");
            Assert.That(seen.Figures, Is.EqualTo(expected.Figures), $"{chapter} on {kernel}: figures and image grids as SVG");
            Assert.That(seen.Tables, Is.EqualTo(expected.Tables), $"{chapter} on {kernel}: German tables");
        });
        TestContext.Out.WriteLine($"{chapter} on {kernel}: {seen.Figures} figures, {seen.Tables} tables, as committed");
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };
}
