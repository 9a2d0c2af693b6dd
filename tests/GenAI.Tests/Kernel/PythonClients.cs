using System.Diagnostics;

namespace GenAI.Tests.Kernel;

/// <summary>
/// Runs Debian's Jupyter clients (jupyter_client, nbclient, nbconvert, jupyter_kernel_test), which are
/// visible only to /usr/bin/python3. Tests call <see cref="Require"/> first and are ignored with a
/// reason when a module is missing; CI installs them (.ci/run), so there they really run.
/// </summary>
internal static class PythonClients
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Folder of the Python helper scripts copied next to the test assembly.</summary>
    public static string ScriptDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "Kernel");

    public static void Require(params string[] modules)
    {
        if (!File.Exists(Python)) Assert.Ignore($"{Python} is missing; install Debian's python3 and the Jupyter clients (see .ci/run).");
        var check = Run(["-c", string.Join(";", modules.Select(m => "import " + m))], TimeSpan.FromSeconds(60));
        if (check.ExitCode != 0)
            Assert.Ignore($"Python modules {string.Join(", ", modules)} are not importable by {Python} (apt packages in .ci/run): {check.Stderr.Trim()}");
    }

    /// <summary>Whether /usr/bin/python3 can import all <paramref name="modules"/> (no test outcome either way).</summary>
    public static bool Has(params string[] modules) =>
        File.Exists(Python) && Run(["-c", string.Join(";", modules.Select(m => "import " + m))], TimeSpan.FromSeconds(60)).ExitCode == 0;

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? ScriptDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        if (environment is not null)
            foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Result(-1, stdout.Result, stderr.Result + $"\n(killed after {timeout.TotalSeconds:0} s)");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
