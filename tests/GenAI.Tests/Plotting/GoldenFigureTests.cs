using System.Text.Json;
using System.Xml.Linq;
using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class GoldenFigureTests
{
    private static IEnumerable<TestCaseData> Figures() =>
        SampleFigures.All().Select(f => new TestCaseData(f.Name).SetName($"Figure_{f.Name}_matches_its_golden_json_and_svg"));

    [TestCaseSource(nameof(Figures))]
    public void Figure_matches_golden_files(string name)
    {
        var figure = SampleFigures.All().Single(f => f.Name == name).Make();
        string json = Plotly.NET.GenericChart.toFigureJson(figure), svg = figure.ToSvg();
        // Independent of the goldens: both outputs must parse.
        using (var doc = JsonDocument.Parse(json)) Assert.That(doc.RootElement.GetProperty("data").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(XDocument.Parse(svg).Root!.Name.LocalName, Is.EqualTo("svg"));
        GoldenFile.AssertMatches(name + ".json", PrettyJson(json));
        GoldenFile.AssertMatches(name + ".svg", svg);
    }

    /// <summary>Indented JSON makes golden diffs reviewable line by line.</summary>
    private static string PrettyJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(doc.RootElement, new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }
}
