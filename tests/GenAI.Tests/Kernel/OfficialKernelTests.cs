using System.Text.Json.Nodes;

namespace GenAI.Tests.Kernel;

/// <summary>
/// The official .NET Interactive kernel (dotnet-interactive 1.0.712001, as VS Code's Polyglot Notebooks use it)
/// runs chapter 00 with its one <c>#r</c> line and shows the course's figures, tables and image grids as
/// such — not as .NET Interactive's object trees. Needs the tool under artifacts/tools (installed by .ci/run).
/// </summary>
public class OfficialKernelTests
{
    private string _prefix = "";
    private Dictionary<string, string> _environment = [];

    [SetUp]
    public void InstallKernelSpec()
    {
        var tool = Path.Combine(InstalledKernel.RepositoryRoot(), "artifacts", "tools", "dotnet-interactive", "dotnet-interactive");
        if (!File.Exists(tool))
            Assert.Ignore($"dotnet-interactive is not installed at {tool}; .ci/run installs it "
                + "(dotnet tool install --tool-path artifacts/tools/dotnet-interactive Microsoft.dotnet-interactive --version 1.0.712001).");
        PythonClients.Require("nbclient", "nbformat");
        _prefix = Directory.CreateTempSubdirectory("genai-dni-").FullName;
        var spec = Path.Combine(_prefix, "kernels", "dotnet-csharp");
        Directory.CreateDirectory(spec);
        var kernel = new JsonObject
        {
            ["argv"] = new JsonArray(tool, "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000"),
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
        };
        File.WriteAllText(Path.Combine(spec, "kernel.json"), kernel.ToJsonString());
        _environment = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = _prefix,
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(_prefix, "runtime"),
            ["JUPYTER_DATA_DIR"] = Path.Combine(_prefix, "data"),
            ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
    }

    [TearDown]
    public void RemoveKernelSpec()
    {
        if (_prefix.Length > 0 && Directory.Exists(_prefix)) Directory.Delete(_prefix, recursive: true);
    }

    [Test]
    public void Chapter_00_runs_and_shows_figures_tables_and_images_as_such()
    {
        var chapter = Path.Combine(InstalledKernel.RepositoryRoot(), "notebooks", "00-einfuehrung.ipynb");
        var output = Path.Combine(_prefix, "00.ipynb");
        var result = PythonClients.Run(["kernel_checks.py", "nbclient-kernel", "dotnet-csharp", chapter, output], TimeSpan.FromMinutes(10), _environment);
        Assert.That(result.ExitCode, Is.Zero, "nbclient on dotnet-interactive failed:\n" + result.Stderr[^Math.Min(3000, result.Stderr.Length)..]);

        var outputs = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray()
            .SelectMany(cell => cell!["outputs"]?.AsArray() ?? []).Select(o => o!).ToList();
        var html = outputs.Select(o => o["data"]?["text/html"]).Where(h => h is not null)
            .Select(h => h is JsonArray lines ? string.Concat(lines.Select(l => (string)l!)) : (string)h!).ToList();
        Assert.That(outputs.Where(o => (string?)o["output_type"] == "error").Select(o => (string?)o["evalue"]), Is.Empty);
        // GenAI registers its formatters when a notebook first uses the library (its module initialiser runs then);
        // from the first figure on, nothing may fall back to .NET Interactive's object tree.
        int firstFigure = html.FindIndex(h => h.StartsWith("<svg", StringComparison.Ordinal));
        Assert.That(firstFigure, Is.GreaterThanOrEqualTo(0), "figures render as static SVG");
        var afterwards = html.Skip(firstFigure).ToList();
        Assert.That(afterwards, Has.None.Contains("dni-treeview"), "a course value fell back to .NET Interactive's object tree");
        Assert.That(afterwards, Has.Some.Contains("<table class=\"genai-table\""), "sequences of records render as German tables");
    }
}
