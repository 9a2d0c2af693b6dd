using System.Diagnostics;

namespace GenAI.Cli.Bench;

/// <summary>
/// A PyTorch reference script from <c>bench/</c>, run with Debian's <c>/usr/bin/python3</c> (or <c>GENAI_PYTHON</c>), which
/// sees python3-torch. Benchmarks print its lines as they arrive and parse what they compare.
/// </summary>
internal sealed class PyTorchScript(string python, string script)
{
    /// <summary>The script's full path.</summary>
    public string Script => script;

    /// <summary>
    /// Finds the interpreter (with torch) and <c>bench/<paramref name="scriptName"/></c> in the repository;
    /// null with the reason when either is missing.
    /// </summary>
    public static PyTorchScript? Find(string scriptName, out string whyNot)
    {
        var python = Environment.GetEnvironmentVariable("GENAI_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";
        var script = BenchSupport.RepositoryRoot() is { } root ? Path.Combine(root, "bench", scriptName) : null;
        if (script is null || !File.Exists(script)) { whyNot = $"bench/{scriptName} not found (run from the repository)"; return null; }
        if (!File.Exists(python)) { whyNot = $"{python} not found (set GENAI_PYTHON)"; return null; }
        var (code, err) = new PyTorchScript(python, script).RunProcess(["-c", "import torch"], TimeSpan.FromSeconds(60), _ => { });
        if (code != 0) { whyNot = $"{python} cannot import torch ({err.Trim().Split('\n')[^1]}); install python3-torch"; return null; }
        whyNot = "";
        return new PyTorchScript(python, script);
    }

    /// <summary>Runs the script with <paramref name="arguments"/>, passing each output line to <paramref name="onLine"/>; throws when it fails.</summary>
    public void Run(IEnumerable<string> arguments, TimeSpan timeout, Action<string> onLine)
    {
        var (code, err) = RunProcess([script, .. arguments], timeout, onLine);
        if (code != 0) throw new InvalidOperationException($"PyTorch reference {Path.GetFileName(script)} failed (exit {code}): {err.Trim()}");
    }

    private (int Code, string Err) RunProcess(IEnumerable<string> arguments, TimeSpan timeout, Action<string> onLine)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        // Idle OpenMP workers of PyTorch would otherwise spin and steal the core the other side measures on.
        info.Environment.TryAdd("OMP_WAIT_POLICY", "PASSIVE");
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {python}");
        var stderr = process.StandardError.ReadToEndAsync();
        while (process.StandardOutput.ReadLine() is { } line) onLine(line);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(script)} did not finish within {timeout}.");
        }
        return (process.ExitCode, stderr.Result);
    }
}
