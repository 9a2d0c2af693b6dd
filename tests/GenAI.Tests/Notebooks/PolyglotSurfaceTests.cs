using GenAI.Display;
using GenAI.Notebooks;

namespace GenAI.Tests.Notebooks;

/// <summary>
/// What .NET Interactive's C# documentation notebooks do (displaying output, formatting outputs, importing
/// packages, a DataFrame walkthrough) runs on our engine with the same kinds of output: the cells below are
/// written as they are for Polyglot Notebooks, unchanged.
/// </summary>
[NonParallelizable]
public class PolyglotSurfaceTests
{
    private ScriptSession _session = null!;

    [SetUp]
    public void SetUp() => _session = new ScriptSession(Path.GetTempPath());

    [TearDown]
    public void TearDown() => _session.Dispose();

    private sealed class Bundles : ICellOutput
    {
        public List<(string Kind, MimeBundle Bundle, string? Id)> Outputs { get; } = [];
        public List<string> Errors { get; } = [];
        public void Stream(string name, string text) => Outputs.Add((name, MimeBundle.PlainText(text), null));
        public void Display(MimeBundle bundle, string? displayId) => Outputs.Add(("display", bundle, displayId));
        public void UpdateDisplay(MimeBundle bundle, string displayId) => Outputs.Add(("update", bundle, displayId));
        public void Result(MimeBundle bundle) => Outputs.Add(("result", bundle, null));
        public void Error(string ename, string evalue, IReadOnlyList<string> traceback) => Errors.Add($"{ename}: {evalue}\n{string.Join("\n", traceback)}");
        public string? ReadLine(string prompt, bool password) => null;
    }

    private async Task<Bundles> Run(string code)
    {
        var output = new Bundles();
        var result = await _session.ExecuteAsync(code, output, CancellationToken.None);
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Errors));
        return output;
    }

    [Test]
    public async Task DisplayAs_sends_a_string_as_exactly_that_mime_type()
    {
        var output = await Run("using Microsoft.DotNet.Interactive;\n\"<b>fett</b>\".DisplayAs(\"text/html\");");
        var (kind, bundle, _) = output.Outputs.Single();
        Assert.That(kind, Is.EqualTo("display"));
        Assert.That(bundle.Keys, Is.EqualTo(new[] { "text/html" }));
        Assert.That(bundle["text/html"], Is.EqualTo("<b>fett</b>"));
    }

    [Test]
    public async Task Display_and_update_replace_one_output_in_place()
    {
        var output = await Run("var shown = \"Start\".Display();\nfor (int i = 1; i <= 3; i++) shown.Update($\"Schritt {i}\");");
        Assert.That(output.Outputs.Select(o => o.Kind), Is.EqualTo(new[] { "display", "update", "update", "update" }));
        Assert.That(output.Outputs.Select(o => o.Id).Distinct().Count(), Is.EqualTo(1),
            string.Join(" | ", output.Outputs.Select(o => $"{o.Kind} {o.Id} {o.Bundle.GetValueOrDefault("text/plain")}")));
        Assert.That(output.Outputs[^1].Bundle["text/plain"], Is.EqualTo("Schritt 3"));
    }

    [Test]
    public async Task Global_display_takes_mime_types_like_polyglot()
    {
        var output = await Run("display(\"<i>kursiv</i>\", \"text/html\");");
        Assert.That(output.Outputs.Single().Bundle.Keys, Is.EqualTo(new[] { "text/html" }));
    }

    [Test]
    public async Task A_formatter_registered_with_dotnet_interactive_takes_effect_for_results_and_displays()
    {
        await Run("""
            using Microsoft.DotNet.Interactive.Formatting;
            public record Person(string Name, int Age);
            Formatter.Register<Person>((person, writer) => writer.Write($"<span class=\"person\">{person.Name} ({person.Age})</span>"), "text/html");
            """);
        var output = await Run("new Person(\"Ada\", 36)");
        var bundle = output.Outputs.Single().Bundle;
        Assert.That(bundle["text/html"], Is.EqualTo("<span class=\"person\">Ada (36)</span>"));
        Assert.That(bundle["text/plain"], Does.Contain("Ada"));
        output = await Run("new Person(\"Grace\", 45).Display();");
        Assert.That(output.Outputs.Single().Bundle["text/html"], Does.Contain("Grace (45)"));
    }

    [Test]
    public async Task Display_table_shows_a_sequence_as_an_html_table()
    {
        var output = await Run("new[] { new { Wort = \"Hase\", Anteil = 0.25 }, new { Wort = \"Igel\", Anteil = 1234.5 } }.DisplayTable();");
        var html = output.Outputs.Single().Bundle["text/html"];
        Assert.That(html, Does.Contain("<table").And.Contain("Wort").And.Contain("Hase").And.Contain("Igel"));
    }

    [Test]
    public async Task A_dataframe_walkthrough_from_a_nuget_package_shows_tables()
    {
        // Microsoft.Data.Analysis 0.24.0 is in the NuGet cache: the test project references it.
        await Run("#r \"nuget: Microsoft.Data.Analysis, 0.24.0\"");
        var output = await Run("""
            using Microsoft.Data.Analysis;
            var wort = new StringDataFrameColumn("Wort", new[] { "Hase", "Igel", "Fuchs" });
            var anzahl = new Int32DataFrameColumn("Anzahl", new[] { 12, 7, 30 });
            var df = new DataFrame(wort, anzahl);
            df.Filter(df["Anzahl"].ElementwiseGreaterThan(10))
            """);
        var bundle = output.Outputs.Single().Bundle;
        Assert.That(bundle.ContainsKey("text/html"), Is.True, "a DataFrame shows as a table, as on the official kernel");
        Assert.That(bundle["text/html"], Does.Contain("Hase").And.Contain("Fuchs").And.Not.Contain("Igel"));
        output = await Run("df.Description()");
        Assert.That(output.Outputs.Single().Bundle["text/html"], Does.Contain("Mean"));
    }
}
