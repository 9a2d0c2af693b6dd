using System.Text.Json.Nodes;

namespace GenAI.Tests.Kernel;

/// <summary>
/// The official .NET Interactive kernel (dotnet-interactive 1.0.712001, as VS Code's Polyglot Notebooks use it)
/// runs every chapter with its one <c>#r</c> line and shows the course's Plotly.NET charts, tables and image grids
/// as such — not as .NET Interactive's object trees. Needs the tool under artifacts/tools (installed by .ci/run).
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

    // Every chapter: Plotly.NET charts, image grids and German tables on both kernels (issue 14).
    [TestCase("00-einfuehrung")]
    [TestCase("01-autoencoder-vae")]
    [TestCase("02-gans")]
    [TestCase("03-diffusion")]
    [TestCase("04-sprache-tokens-markov")]
    [TestCase("05-rnn-lstm")]
    [TestCase("06-attention")]
    [TestCase("07-transformer-gpt")]
    public void Chapter_runs_and_shows_figures_tables_and_images_as_such(string name)
    {
        var chapter = Path.Combine(InstalledKernel.RepositoryRoot(), "notebooks", name + ".ipynb");
        var output = Path.Combine(_prefix, name + ".ipynb");
        var result = PythonClients.Run(["kernel_checks.py", "nbclient-kernel", "dotnet-csharp", chapter, output], TimeSpan.FromMinutes(10), _environment);
        Assert.That(result.ExitCode, Is.Zero, "nbclient on dotnet-interactive failed:\n" + result.Stderr[^Math.Min(3000, result.Stderr.Length)..]);
        ChapterOutputs.AssertRenderedLikeCommitted(chapter, output, "dotnet-interactive");
    }
}
