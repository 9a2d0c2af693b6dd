using GenAI.Display;
using GenAI.Notebooks;

namespace GenAI.Tests.Notebooks;

/// <summary>
/// A course notebook builds its tables as DataFrames, as a pandas course does: with only the course library
/// referenced, a cell writes <c>using Microsoft.Data.Analysis;</c> and its DataFrame shows as our German table.
/// </summary>
[NonParallelizable]
public class DataFrameCellTests
{
    private sealed class Results : ICellOutput
    {
        public List<MimeBundle> Bundles { get; } = [];
        public List<string> Errors { get; } = [];
        public void Stream(string name, string text) { }
        public void Display(MimeBundle bundle, string? displayId) => Bundles.Add(bundle);
        public void UpdateDisplay(MimeBundle bundle, string displayId) { }
        public void Result(MimeBundle bundle) => Bundles.Add(bundle);
        public void Error(string ename, string evalue, IReadOnlyList<string> traceback) => Errors.Add($"{ename}: {evalue}");
        public string? ReadLine(string prompt, bool password) => null;
    }

    [Test]
    public async Task A_cell_builds_a_dataframe_and_sees_a_german_table()
    {
        using var session = new ScriptSession(Path.GetTempPath());
        var output = new Results();
        var result = await session.ExecuteAsync("""
            using Microsoft.Data.Analysis;
            var top = new Dictionary<string, int> { ["Hase"] = 1234, ["Igel"] = 7 };
            new DataFrame(
                new StringDataFrameColumn("Fortsetzung", top.Keys),
                new Int32DataFrameColumn("Stimmen_gesamt", top.Values),
                new DoubleDataFrameColumn("Anteil", top.Values.Select(v => v / 1241.0)))
            """, output, CancellationToken.None);
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Errors));
        var html = output.Bundles.Single()[MimeBundle.TextHtml];
        Assert.That(html, Does.Contain("class=\"genai-table\"").And.Contain(">Stimmen gesamt</th>").And.Contain(">1.234</td>")
            .And.Contain(">0,994359</td>"));
    }
}
