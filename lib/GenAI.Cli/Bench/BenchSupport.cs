using System.Diagnostics;

namespace GenAI.Cli.Bench;

/// <summary>Small helpers shared by the benchmark commands: timing medians and finding the repository's tools.</summary>
public static class BenchSupport
{
    /// <summary>Median of <paramref name="values"/>.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>
    /// Seconds for each of <paramref name="repeat"/> runs of <paramref name="action"/> (after one warm-up run): the CPU time
    /// of this process (robust when other processes share the cores; equals wall time for single-threaded work on an idle
    /// machine) and the wall-clock time.
    /// </summary>
    public static (double[] Cpu, double[] Wall) Time(int repeat, Action action)
    {
        action();
        var cpu = new double[repeat];
        var wall = new double[repeat];
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < repeat; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            wall[i] = watch.Elapsed.TotalSeconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - before).TotalSeconds;
        }
        return (cpu, wall);
    }

    /// <summary>The repository root (folder with GenAI.slnx) above the working directory or this program, or null.</summary>
    public static string? RepositoryRoot() => CourseRepository.FindRoot();

    /// <summary>
    /// The node_modules folder with the npm reference packages: <c>GENAI_NODE_MODULES</c>, else
    /// <c>artifacts/ci/npm/node_modules</c> of the repository (what <c>.ci/run</c> installs), or null.
    /// </summary>
    public static string? NodeModules()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("GENAI_NODE_MODULES");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment)) return fromEnvironment;
        var root = RepositoryRoot();
        var candidate = root is null ? null : Path.Combine(root, "artifacts", "ci", "npm", "node_modules");
        return candidate is not null && Directory.Exists(candidate) ? candidate : null;
    }

    /// <summary>Runs a program, feeding <paramref name="stdin"/>; returns stdout, or null when it cannot start or fails.</summary>
    public static string? Run(string program, IEnumerable<string> arguments, string stdin, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"{program} failed: {stderr.Result.Trim()}");
                return null;
            }
            return stdout;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
