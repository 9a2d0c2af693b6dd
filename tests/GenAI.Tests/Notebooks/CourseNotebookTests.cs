using System.Text.Json.Nodes;

namespace GenAI.Tests.Notebooks;

/// <summary>Rules every committed chapter keeps: light enough for GitHub and clones, and exercise solutions folded away.</summary>
public class CourseNotebookTests
{
    private static IEnumerable<TestCaseData> Chapters() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileNameWithoutExtension(path)));

    [TestCaseSource(nameof(Chapters))]
    public void A_committed_chapter_is_at_most_one_and_a_half_megabytes(string path) =>
        Assert.That(new FileInfo(path).Length, Is.LessThanOrEqualTo(1_500_000),
            "figures are saved without duplicate payloads (genai run); draw fewer points if a chapter still grows past this");

    [TestCaseSource(nameof(Chapters))]
    public void Every_solution_cell_is_tagged_and_folded_in_the_notebook_too(string path)
    {
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
        var solutions = cells.Where(c => c!["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == "solution")).ToList();
        Assert.That(solutions, Is.Not.Empty, "each chapter has exercises with solutions");
        var unfolded = solutions.Where(c => (bool?)c!["metadata"]!["jupyter"]?["source_hidden"] != true)
            .Select(c => string.Concat(c!["source"]!.AsArray().Select(l => (string?)l)).Split('\n')[0]);
        Assert.That(unfolded, Is.Empty, "solution cells without \"jupyter\": {\"source_hidden\": true}");
    }
}
