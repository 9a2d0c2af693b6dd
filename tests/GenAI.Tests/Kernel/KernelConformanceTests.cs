using GenAI.Cli;
using System.Text.Json.Nodes;

namespace GenAI.Tests.Kernel;

/// <summary>
/// The real kernel process (genai kernel start, C# through the notebook engine) under Debian's
/// Jupyter clients: jupyter_kernel_test, jupyter_client's KernelManager, nbclient and nbconvert.
/// </summary>
[NonParallelizable]
public class KernelConformanceTests
{
    private InstalledKernel _kernel = null!;

    [OneTimeSetUp]
    public void Install() => _kernel = new InstalledKernel();

    [OneTimeTearDown]
    public void Remove() => _kernel.Dispose();

    private static void AssertRan(PythonClients.Result result, string what) =>
        Assert.That(result.ExitCode, Is.Zero, $"{what} failed (exit {result.ExitCode}):\n{result.Stdout}\n{result.Stderr}");

    [Test]
    public void Jupyter_kernel_test_conformance_passes_with_csharp_samples()
    {
        PythonClients.Require("jupyter_kernel_test", "jupyter_client");
        var result = PythonClients.Run(["test_kernel_conformance.py"], TimeSpan.FromMinutes(3), _kernel.Environment);
        AssertRan(result, "jupyter_kernel_test");
        var summary = result.Stdout.Trim().Split('\n')[^1];
        TestContext.Out.WriteLine(summary);
        // Skipped by design: test_pager (no pager payloads) and test_clear_output (the engine has no clear_output).
        Assert.That(summary, Is.EqualTo("10 passed, 0 failed, 2 skipped"), result.Stdout);
        Assert.That(result.Stdout, Does.Contain("test_pager").And.Contain("test_clear_output"));
    }

    [Test]
    public void Installed_kernel_is_the_ready_to_run_build_and_loads_torch_sharp()
    {
        PythonClients.Require("jupyter_client");
        if (_kernel.Build.Note.Contains("GenAIReadyToRun=false", StringComparison.Ordinal)
            || _kernel.Build.Note.Contains(ReadyToRunBuild.EnvironmentSwitch, StringComparison.Ordinal))
            Assert.Ignore("ReadyToRun is switched off for this build: " + _kernel.Build.Note);
        Assert.That(_kernel.Build.IsReadyToRun, Is.True, _kernel.Build.Note);
        var roslyn = Path.Combine(Path.GetDirectoryName(_kernel.Build.CliAssembly)!, "Microsoft.CodeAnalysis.CSharp.dll");
        Assert.That(ReadyToRunBuild.IsReadyToRunImage(roslyn), Is.True, "Roslyn is precompiled in the published folder");

        // What a chapter's first cell does: reference the library's output folder, then use TorchSharp.
        var lib = Path.Combine(InstalledKernel.RepositoryRoot(), "artifacts", "bin", "GenAI", "lib");
        var code = $"#r \"{Path.Combine(lib, "GenAI.dll")}\"\n#r \"{Path.Combine(lib, "TorchSharp.dll")}\"\n"
            + "using TorchSharp;\ntorch.ones(3).sum().item<float>()";
        var result = PythonClients.Run(["kernel_checks.py", "cell", code], TimeSpan.FromMinutes(3), _kernel.Environment);
        AssertRan(result, "kernel_checks.py cell");
        var seen = JsonNode.Parse(result.Stdout.Trim().Split('\n')[^1])!;
        Assert.That((string?)seen["reply"]!["status"], Is.EqualTo("ok"), seen.ToJsonString());
        var outputs = seen["outputs"]!.AsArray();
        var value = outputs.Single(o => (string?)o![0] == "execute_result")![1]!["data"]!["text/plain"];
        Assert.That((string?)value, Is.EqualTo("3"), "ones(3).sum() computed by libtorch inside the ReadyToRun kernel");
    }

    [Test]
    public void A_nuget_package_restores_and_runs_in_the_installed_kernel_as_in_vs_code()
    {
        // Humanizer.Core 2.14.1 is in the NuGet cache (the solution restores it), so this runs offline.
        PythonClients.Require("jupyter_client");
        var code = "#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;\n\"PascalCaseInputString\".Humanize()";
        var result = PythonClients.Run(["kernel_checks.py", "cell", code], TimeSpan.FromMinutes(3), _kernel.Environment);
        AssertRan(result, "kernel_checks.py cell");
        var seen = JsonNode.Parse(result.Stdout.Trim().Split('\n')[^1])!;
        Assert.That((string?)seen["reply"]!["status"], Is.EqualTo("ok"), seen.ToJsonString());
        var outputs = seen["outputs"]!.AsArray();
        Assert.That(outputs.Select(o => (string?)o![0]), Does.Contain("display_data").And.Contain("update_display_data"),
            "progress, then the installed versions");
        var installed = outputs.Last(o => (string?)o![0] == "update_display_data")![1]!["data"]!["text/plain"];
        Assert.That((string?)installed, Does.Contain("Humanizer.Core, 2.14.1"));
        var value = outputs.Single(o => (string?)o![0] == "execute_result")![1]!["data"]!["text/plain"];
        Assert.That((string?)value, Is.EqualTo("Pascal case input string"));
    }

    [Test]
    public void Interrupt_stops_a_tight_loop_and_the_next_cell_sees_earlier_variables()
    {
        PythonClients.Require("jupyter_client");
        var result = PythonClients.Run(["kernel_checks.py", "interrupt"], TimeSpan.FromMinutes(2), _kernel.Environment);
        AssertRan(result, "interrupt check");
        var seen = JsonNode.Parse(result.Stdout.Trim().Split('\n')[^1])!;
        Assert.That((string?)seen["loop_reply"]!["status"], Is.EqualTo("error"));
        Assert.That((double)seen["interrupt_seconds"]!, Is.LessThan(5));
        Assert.That((string?)seen["after_value"], Is.EqualTo("6"));
        Assert.That((bool)seen["alive_after_shutdown"]!, Is.False, "shutdown_request ends the process");
    }

    private static string WriteNotebook(string folder)
    {
        static JsonObject Cell(string source) => new()
        {
            ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(),
            ["outputs"] = new JsonArray(), ["source"] = source,
        };
        var notebook = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["name"] = "genai-csharp", ["display_name"] = "C# (GenAI)", ["language"] = "csharp" },
            },
            ["cells"] = new JsonArray(
                Cell("var namen = new[] { \"Ada\", \"Alan\" };\nConsole.WriteLine(string.Join(\", \", namen));"),
                new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = "## Zwischenüberschrift" },
                Cell("namen.Length * 21"),
                Cell("display(\"Grüße\");")),
        };
        var path = Path.Combine(folder, "probe.ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    [Test]
    public void Nbclient_executes_a_notebook_through_the_kernel()
    {
        PythonClients.Require("nbclient", "nbformat");
        var path = WriteNotebook(_kernel.Prefix);
        var result = PythonClients.Run(["kernel_checks.py", "nbclient", path], TimeSpan.FromMinutes(2), _kernel.Environment);
        AssertRan(result, "nbclient");
        var seen = JsonNode.Parse(result.Stdout.Trim().Split('\n')[^1])!;
        Assert.That((string?)seen["language"], Is.EqualTo("csharp"));
        Assert.That(seen["cells"]!.ToJsonString(), Is.EqualTo("""[["stream"],["execute_result"],["display_data"]]"""));
        TestContext.Out.WriteLine($"nbclient: {(double)seen["seconds"]!:0.0} s for 3 cells including kernel start");
    }

    [Test]
    public void Every_course_notebook_executes_through_the_kernel_with_nbclient()
    {
        PythonClients.Require("nbclient", "nbformat");
        var notebooks = Path.Combine(InstalledKernel.RepositoryRoot(), "notebooks");
        var chapters = Directory.Exists(notebooks) ? Directory.GetFiles(notebooks, "*.ipynb").Order(StringComparer.Ordinal).ToArray() : [];
        if (chapters.Length == 0) Assert.Ignore($"{notebooks} holds no chapters yet.");
        foreach (var chapter in chapters)
        {
            // Executed in its own folder (so `#r "../artifacts/…"` resolves), written to a temp folder: the repository stays untouched.
            var name = Path.GetFileName(chapter);
            if (chapter == chapters[0])
            {
                // The first chapter goes through `jupyter nbconvert --execute --to html` (nbclient inside), as instructors run it.
                var converted = PythonClients.Run(["-m", "nbconvert", "--execute", "--to", "html", "--ExecutePreprocessor.timeout=600",
                    "--output-dir", _kernel.Prefix, chapter], TimeSpan.FromMinutes(10), _kernel.Environment);
                AssertRan(converted, "jupyter nbconvert --execute --to html " + name);
                Assert.That(File.Exists(Path.Combine(_kernel.Prefix, Path.ChangeExtension(name, ".html"))), Is.True);
                continue;
            }
            var output = Path.Combine(_kernel.Prefix, name);
            var result = PythonClients.Run(["kernel_checks.py", "nbclient", chapter, output], TimeSpan.FromMinutes(10), _kernel.Environment);
            AssertRan(result, "nbclient " + name);
            var seen = JsonNode.Parse(result.Stdout.Trim().Split('\n')[^1])!;
            TestContext.Out.WriteLine($"{name}: {(double)seen["seconds"]!:0.0} s through the kernel");
            ChapterOutputs.AssertRenderedLikeCommitted(chapter, output, "genai-csharp");
        }
    }

    [Test]
    public void Nbconvert_executes_a_notebook_to_html()
    {
        PythonClients.Require("nbconvert", "nbclient");
        var path = WriteNotebook(_kernel.Prefix);
        var result = PythonClients.Run(["-m", "nbconvert", "--execute", "--to", "html", "--ExecutePreprocessor.timeout=120", path],
            TimeSpan.FromMinutes(3), _kernel.Environment, workingDirectory: _kernel.Prefix);
        AssertRan(result, "jupyter nbconvert --execute --to html");
        var html = File.ReadAllText(Path.ChangeExtension(path, ".html"));
        Assert.That(html, Does.Contain("Ada, Alan").And.Contain("42").And.Contain("Grüße"));
    }
}
