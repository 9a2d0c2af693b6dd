using System.IO.Compression;
using GenAI.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenAI.Tests.Notebooks;

/// <summary>
/// <c>#r "nuget: …"</c> and <c>#i "nuget: …"</c> as .NET Interactive does them. Offline: the packages come from
/// a local folder feed the test builds, or from the NuGet cache (Humanizer.Core 2.14.1 is restored with the
/// solution, as a dependency of .NET Interactive's package management).
/// </summary>
[NonParallelizable] // dotnet restore is heavy on two cores
public class PackageReferenceTests
{
    private string _dir = "";
    private ScriptSession _session = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("genai-nuget-").FullName;
        _session = new ScriptSession(_dir);
    }

    [TearDown]
    public void TearDown()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<(CellRunResult Result, RecordingOutput Output)> Run(string code)
    {
        var output = new RecordingOutput();
        var result = await _session.ExecuteAsync(code, output, CancellationToken.None);
        return (result, output);
    }

    /// <summary>Writes a one-class package (id, version) into a folder feed: a .nupkg is a zip with the .nuspec and lib/.</summary>
    private static string BuildLocalFeed(string folder, string id, string version, string greeting)
    {
        var feed = Directory.CreateDirectory(Path.Combine(folder, "feed")).FullName;
        var source = $"namespace GenAIProbe {{ public static class Greeter {{ public static string Hello(string name) => \"{greeting}, \" + name; }} }}";
        var compilation = CSharpCompilation.Create(id, [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var dll = new MemoryStream();
        Assert.That(compilation.Emit(dll).Success, Is.True);
        using var zip = ZipFile.Open(Path.Combine(feed, $"{id}.{version}.nupkg"), ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
            writer.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>{id}</id><version>{version}</version><authors>genai tests</authors><description>probe</description></metadata>
                </package>
                """);
        using (var entry = zip.CreateEntry($"lib/net10.0/{id}.dll").Open()) entry.Write(dll.ToArray());
        return feed;
    }

    [Test]
    public async Task A_package_from_a_local_source_is_restored_referenced_and_callable()
    {
        // A fresh id each run: the NuGet cache cannot already hold it, so only the #i source can provide it.
        var id = "GenAI.Probe.P" + Guid.NewGuid().ToString("N")[..12];
        var feed = BuildLocalFeed(_dir, id, "1.0.0", "Hallo");
        var (result, output) = await Run($"#i \"nuget: {feed}\"\n#r \"nuget: {id}, 1.0.0\"\nGenAIProbe.Greeter.Hello(\"Welt\")");
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Events));
        Assert.That(output.Events[^1], Is.EqualTo("result: Hallo, Welt"));
        Assert.That(output.Events, Has.Some.Match($"^update nuget-.*: Installierte Pakete:\\s+• {System.Text.RegularExpressions.Regex.Escape(id)}, 1\\.0\\.0"));
        // The package stays referenced for later cells.
        (result, output) = await Run("GenAIProbe.Greeter.Hello(\"noch einmal\")");
        Assert.That(output.Events, Is.EqualTo(new[] { "result: Hallo, noch einmal" }));
    }

    [Test]
    public async Task A_cached_package_works_with_its_namespace_like_in_polyglot_notebooks()
    {
        var (result, output) = await Run("#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;\n\"PascalCaseInputString\".Humanize()");
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Events));
        Assert.That(output.Events[^1], Is.EqualTo("result: Pascal case input string"));
    }

    [Test]
    public async Task An_unavailable_package_gives_a_german_error_naming_it_and_leaves_the_session_unchanged()
    {
        await Run("var x = 1;");
        var (result, output) = await Run("#r \"nuget: GenAI.Does.Not.Exist.Anywhere, 9.9.9\"\nx = 2;");
        Assert.That(result.Status, Is.EqualTo(CellRunStatus.Error));
        Assert.That(output.Errors[0].Evalue, Does.Contain("„GenAI.Does.Not.Exist.Anywhere“ in Version 9.9.9").And.Contain("nicht verfügbar"));
        (_, output) = await Run("x");
        Assert.That(output.Events, Is.EqualTo(new[] { "result: 1" }), "the failed cell did not run");
        // The failed package does not poison later restores.
        (result, output) = await Run("#r \"nuget: Humanizer.Core, 2.14.1\"\nHumanizer.StringHumanizeExtensions.Humanize(\"some_title\")");
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Events));
    }

    [Test]
    public async Task An_invalid_package_name_is_refused_before_any_restore()
    {
        var (result, output) = await Run("#r \"nuget: not a package!\"");
        Assert.That(result.Status, Is.EqualTo(CellRunStatus.Error));
        Assert.That(output.Errors[0].Evalue, Does.Contain("kein gültiger Paketname"));
    }

    [Test]
    public async Task Time_magic_reports_the_cells_wall_time_after_its_output()
    {
        var (result, output) = await Run("#!time\nThread.Sleep(20);\n1 + 1");
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Events));
        Assert.That(output.Events[0], Is.EqualTo("result: 2"));
        Assert.That(output.Events[1], Does.Match(@"^display : Laufzeit \(Wanduhr\): \d+,\d ms$"));
        double ms = double.Parse(output.Events[1].Split(": ")[2].Replace(" ms", "").Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(ms, Is.GreaterThanOrEqualTo(20));
    }
}
