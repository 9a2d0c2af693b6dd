using System.Diagnostics;
using System.Globalization;

namespace GenAI.Cli.Commands;

/// <summary>One epoch as measured by either side of the VAE benchmark.</summary>
internal sealed record VaeBenchEpoch(int Epoch, double Seconds, double MsPerStep, double TrainLoss, double TestLoss);

/// <summary>
/// Runs <c>bench/vae_reference.py</c> (the same MLP VAE in PyTorch) with Debian's <c>/usr/bin/python3</c>
/// and parses its per-epoch lines. Unavailable (null) when Python, torch or the script is missing.
/// </summary>
internal sealed class PyTorchVaeReference(string python, string script)
{
    /// <summary>Finds the interpreter (GENAI_PYTHON or /usr/bin/python3, with torch) and the script (upwards from the working directory).</summary>
    public static PyTorchVaeReference? Find(out string whyNot)
    {
        var python = Environment.GetEnvironmentVariable("GENAI_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";
        var script = FindScript();
        if (script is null) { whyNot = "bench/vae_reference.py not found above the working directory"; return null; }
        if (!File.Exists(python)) { whyNot = $"{python} not found (set GENAI_PYTHON)"; return null; }
        var (code, _, err) = Run(python, ["-c", "import torch"], TimeSpan.FromSeconds(60), _ => { });
        if (code != 0) { whyNot = $"{python} cannot import torch ({err.Trim().Split('\n')[^1]}); install python3-torch"; return null; }
        whyNot = "";
        return new PyTorchVaeReference(python, script);
    }

    /// <summary>Trains the reference; prints each line as it arrives and returns the parsed epochs.</summary>
    public List<VaeBenchEpoch> Train(string dataDir, string model, int latent, int epochs, int trainLimit, int testLimit, int threads, Action<string> echo)
    {
        var ci = CultureInfo.InvariantCulture;
        var epochsSeen = new List<VaeBenchEpoch>();
        string[] args = [script, "--data-dir", dataDir, "--model", model, "--latent", latent.ToString(ci), "--epochs", epochs.ToString(ci),
                         "--train-limit", trainLimit.ToString(ci), "--test-limit", testLimit.ToString(ci), "--threads", threads.ToString(ci)];
        var (code, _, err) = Run(python, args, TimeSpan.FromHours(2), line =>
        {
            echo(line);
            if (ParseEpoch(line) is { } e) epochsSeen.Add(e);
        });
        if (code != 0) throw new InvalidOperationException($"PyTorch reference failed (exit {code}): {err.Trim()}");
        return epochsSeen;
    }

    /// <summary>Parses <c>epoch 3 time_s 45.4 ms_per_step 96.8 train_loss 249.8 test_loss 249.8</c>.</summary>
    internal static VaeBenchEpoch? ParseEpoch(string line)
    {
        var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (t.Length != 10 || t[0] != "epoch") return null;
        double D(int i) => double.Parse(t[i], CultureInfo.InvariantCulture);
        return new VaeBenchEpoch(int.Parse(t[1], CultureInfo.InvariantCulture), D(3), D(5), D(7), D(9));
    }

    private static string? FindScript()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "vae_reference.py");
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    private static (int Code, string Out, string Err) Run(string file, string[] args, TimeSpan timeout, Action<string> onLine)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            stdout.AppendLine(line);
            onLine(line);
        }
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}.");
        }
        return (process.ExitCode, stdout.ToString(), stderr.Result);
    }
}
