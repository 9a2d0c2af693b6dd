using System.CommandLine;
using System.Globalization;
using System.Text;
using GenAI.Data;
using GenAI.Models;
using GenAI.Text;
using TorchSharp;

namespace GenAI.Cli.Bench;

/// <summary>
/// <c>genai bench gpt</c>: nanoGPT's "baby GPT" CPU recipe (4 layers, 4 heads, width 128, block 64, batch 12, 2000 steps, no bias,
/// no dropout) on tiny Shakespeare, first with the course's <see cref="GptTrainer"/> in TorchSharp (data-parallel: one model replica
/// per thread, each on its share of the batch), then the same model and loop in PyTorch (<c>bench/gpt_reference.py</c>, nanoGPT's
/// single model with every operation split over the threads), in one run on the same text and thread count. Prints time per iteration (median),
/// total wall time and final validation loss of both, and checks issue 20's target: val loss within 0,05 of PyTorch's and wall
/// time at most half of PyTorch's.
/// </summary>
public sealed class BenchGptCommand : IBenchCommand
{
    private const double LossTolerance = 0.05;
    private const double TimeRatioTarget = 0.5;

    /// <inheritdoc/>
    public Command Build()
    {
        var corpus = new Option<string>("--corpus")
        {
            Description = "Text to train on (name or file); nanoGPT's recipe uses tiny Shakespeare.", DefaultValueFactory = _ => "shakespeare",
        };
        var iters = new Option<int>("--iters") { Description = "Training steps (the recipe: 2000; fewer gives no verdict).", DefaultValueFactory = _ => 2000 };
        var threads = new Option<int>("--threads") { Description = "Threads for both sides.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed for both sides (their generators differ, so the runs are not bit-identical).", DefaultValueFactory = _ => 1337,
        };
        var noReference = new Option<bool>("--no-reference") { Description = "Skip the PyTorch run." };
        var noDataParallel = new Option<bool>("--no-data-parallel")
        {
            Description = "Train our side with every operation split over the threads (as PyTorch does) instead of one replica per thread.",
        };
        var gpt = new Command("gpt", "Train nanoGPT's baby-GPT recipe with TorchSharp and PyTorch and compare time and validation loss.")
            { corpus, iters, threads, seed, noReference, noDataParallel };
        gpt.SetAction(parse => Run(parse.GetValue(corpus)!, parse.GetValue(iters), parse.GetValue(threads), parse.GetValue(seed), parse.GetValue(noReference),
            !parse.GetValue(noDataParallel)));
        return gpt;
    }

    private static int Run(string corpusName, int iterations, int threads, int seed, bool noReference, bool dataParallel)
    {
        Corpus text;
        try { text = Corpus.Load(corpusName); }
        catch (Exception e) when (e is DataUnavailableException or FileNotFoundException or DirectoryNotFoundException or ArgumentException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        var ci = CultureInfo.InvariantCulture;
        var options = new GptTrainingOptions { Iterations = iterations, DecayIterations = Math.Max(iterations, 100), Seed = seed, DataParallel = dataParallel };
        Console.WriteLine(string.Create(ci,
            $"GPT benchmark (nanoGPT baby-GPT recipe): {text.Name}, {text.Length} characters, {iterations} steps, "
            + $"{threads} thread(s) each, {Environment.ProcessorCount} cores"));
        Console.WriteLine("Timings on a shared machine are noisy: compare the median time per iteration and the ratios, and repeat on a quiet machine.");
        Console.WriteLine();

        Console.WriteLine("TorchSharp (GenAI.Models.Gpt + GptTrainer):");
        torch.set_num_threads(threads);
        var vocab = CharVocabulary.Build(text.Text);
        var (train, validation) = HeldOutSplit.Split(vocab.Encode(text.Text));
        torch.manual_seed(seed);
        var model = new Gpt(new GptConfig(vocab.Size, BlockSize: 64, Layers: 4, Heads: 4, EmbeddingSize: 128, Dropout: 0, Bias: false));
        Console.WriteLine("  " + Commands.TrainGptCommand.Parallelism(model, options));
        var ours = GptTrainer.Train(model, new TextWindows(train, 64), new TextWindows(validation, 64), options,
            e => Console.WriteLine(string.Create(ci, $"  step {e.Step}: train loss {e.TrainLoss:F4}, val loss {e.ValidationLoss:F4} ({e.Seconds:F1} s)")));
        var oursRun = new GptBenchRun(ours.MedianStepMilliseconds, ours.Seconds, ours.FinalValidationLoss);
        Console.WriteLine(string.Create(ci, $"  time {oursRun.Seconds:F1} s, {oursRun.MsPerIteration:F1} ms per iteration (median)"));

        GptBenchRun? reference = null;
        if (!noReference)
        {
            Console.WriteLine();
            if (PyTorchScript.Find("gpt_reference.py", out var whyNot) is not { } python)
                Console.WriteLine($"PyTorch reference skipped: {whyNot}.");
            else
            {
                Console.WriteLine("PyTorch (bench/gpt_reference.py):");
                var file = Path.Combine(Path.GetTempPath(), $"genai-bench-gpt-{Environment.ProcessId}.txt");
                File.WriteAllText(file, text.Text, new UTF8Encoding(false));   // the exact characters our side trained on
                try
                {
                    var lines = new List<string>();
                    python.Run(["--text", file, "--iters", iterations.ToString(ci), "--lr-decay-iters", options.DecayIterations.ToString(ci),
                                "--no-bias", "--threads", threads.ToString(ci), "--seed", seed.ToString(ci)],
                        TimeSpan.FromHours(3), line => { lines.Add(line); Console.WriteLine("  " + line); });
                    reference = GptBenchRun.Parse(lines);
                }
                finally { File.Delete(file); }
            }
        }

        Console.WriteLine();
        Console.WriteLine("              ms/iteration   wall time   val loss");
        Console.WriteLine(string.Create(ci, $"TorchSharp    {oursRun.MsPerIteration,12:F1}   {oursRun.Seconds,7:F1} s   {oursRun.ValidationLoss,8:F4}"));
        if (reference is null) return 0;
        Console.WriteLine(string.Create(ci, $"PyTorch       {reference.MsPerIteration,12:F1}   {reference.Seconds,7:F1} s   {reference.ValidationLoss,8:F4}"));
        double timeRatio = oursRun.Seconds / reference.Seconds, lossDiff = oursRun.ValidationLoss - reference.ValidationLoss;
        Console.WriteLine(string.Create(ci,
            $"ratio TorchSharp / PyTorch: {oursRun.MsPerIteration / reference.MsPerIteration:0.00}x per iteration, {timeRatio:0.00}x wall time; "
            + $"val loss difference {lossDiff:+0.0000;-0.0000}"));
        if (iterations != 2000)
        {
            Console.WriteLine("No verdict: only the full recipe (2000 steps) is checked against the target.");
            return 0;
        }
        bool lossOk = Math.Abs(lossDiff) <= LossTolerance, timeOk = timeRatio <= TimeRatioTarget;
        Console.WriteLine(string.Create(ci,
            $"target (issue 20): val loss within {LossTolerance} of PyTorch's → {(lossOk ? "met" : "NOT met")}; "
            + $"wall time ≤ {TimeRatioTarget}x PyTorch's → {(timeOk ? "met" : "NOT met")}"));
        return lossOk && timeOk ? 0 : 1;
    }
}

/// <summary>What either side of the GPT benchmark reports.</summary>
internal sealed record GptBenchRun(double MsPerIteration, double Seconds, double ValidationLoss)
{
    /// <summary>Reads <c>time T s, M ms per iteration (median)</c> and the last line <c>val loss X</c> of a run's output.</summary>
    public static GptBenchRun Parse(IReadOnlyList<string> lines)
    {
        var ci = CultureInfo.InvariantCulture;
        var time = lines.LastOrDefault(l => l.StartsWith("time ", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var val = lines.LastOrDefault(l => l.StartsWith("val loss ", StringComparison.Ordinal));
        if (time is not { Length: >= 8 } || val is null)
            throw new InvalidDataException("The reference's output lacks its 'time … s, … ms per iteration (median)' or 'val loss …' line:\n"
                + string.Join('\n', lines.TakeLast(5)));
        return new GptBenchRun(double.Parse(time[3], ci), double.Parse(time[1], ci), double.Parse(val["val loss ".Length..], ci));
    }
}
