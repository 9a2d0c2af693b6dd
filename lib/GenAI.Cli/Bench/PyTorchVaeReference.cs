using System.Globalization;

namespace GenAI.Cli.Bench;

/// <summary>One epoch as measured by either side of the VAE benchmark.</summary>
internal sealed record VaeBenchEpoch(int Epoch, double Seconds, double MsPerStep, double TrainLoss, double TestLoss);

/// <summary>
/// Runs <c>bench/vae_reference.py</c> (the same MLP VAE in PyTorch) with Debian's <c>/usr/bin/python3</c>
/// and parses its per-epoch lines. Unavailable (null) when Python, torch or the script is missing.
/// </summary>
internal sealed class PyTorchVaeReference(PyTorchScript script)
{
    /// <summary>Finds the interpreter (GENAI_PYTHON or /usr/bin/python3, with torch) and <c>bench/vae_reference.py</c>.</summary>
    public static PyTorchVaeReference? Find(out string whyNot) =>
        PyTorchScript.Find("vae_reference.py", out whyNot) is { } script ? new PyTorchVaeReference(script) : null;

    /// <summary>Trains the reference; prints each line as it arrives and returns the parsed epochs.</summary>
    public List<VaeBenchEpoch> Train(string dataDir, string model, int latent, int epochs, int trainLimit, int testLimit, int threads, Action<string> echo)
    {
        var ci = CultureInfo.InvariantCulture;
        var epochsSeen = new List<VaeBenchEpoch>();
        string[] args = ["--data-dir", dataDir, "--model", model, "--latent", latent.ToString(ci), "--epochs", epochs.ToString(ci),
                         "--train-limit", trainLimit.ToString(ci), "--test-limit", testLimit.ToString(ci), "--threads", threads.ToString(ci)];
        script.Run(args, TimeSpan.FromHours(2), line =>
        {
            echo(line);
            if (ParseEpoch(line) is { } e) epochsSeen.Add(e);
        });
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
}
