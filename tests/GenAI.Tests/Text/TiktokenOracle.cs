using System.Diagnostics;
using System.Text.Json;

namespace GenAI.Tests.Text;

/// <summary>Runs real tiktoken (npm "tiktoken", WASM build of the Rust core) through node; ignored when absent.</summary>
internal static class TiktokenOracle
{
    public static string RepositoryRoot => GenAI.Tests.Notebooks.RepoPaths.Root;

    public static string NodeModules => Path.Combine(RepositoryRoot, "artifacts", "ci", "npm", "node_modules");

    public static void RequireAvailable()
    {
        if (!Directory.Exists(Path.Combine(NodeModules, "tiktoken")))
            Assert.Ignore("npm tiktoken not installed under artifacts/ci/npm (bash .ci/run installs it).");
    }

    public static int[][] Encode(string encoding, IReadOnlyList<string> texts, bool? allowAllSpecial = null)
    {
        RequireAvailable();
        var script = Path.Combine(RepositoryRoot, "tests", "GenAI.Tests", "Text", "tiktoken-oracle.cjs");
        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.Environment["TIKTOKEN_NODE_MODULES"] = NodeModules;
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception) { Assert.Ignore("node is not installed"); throw; }
        using (process)
        {
            var request = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["encoding"] = encoding,
                ["texts"] = texts,
                ["allowedSpecial"] = allowAllSpecial switch { null => null!, true => "all", false => Array.Empty<string>() },
            });
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(request);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, () => "node tiktoken oracle failed: " + stderr.Result);
            using var doc = JsonDocument.Parse(stdout);
            return [.. doc.RootElement.GetProperty("ids").EnumerateArray().Select(a => a.EnumerateArray().Select(e => e.GetInt32()).ToArray())];
        }
    }
}
