using System.CommandLine;
using System.Globalization;
using GenAI.Data;
using GenAI.Display;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Cli.Bench;

/// <summary>
/// <c>genai bench vae</c>: trains the reference MLP VAE (784-400-20, BCE sum + KL, Adam 1e-3, batch 128,
/// 10 epochs, one thread) on Fashion-MNIST with TorchSharp through the course's Trainer, then the same configuration in PyTorch
/// (<c>bench/vae_reference.py</c>) when <c>/usr/bin/python3</c> has torch, and prints per-epoch time,
/// the median time per step of both and their ratio, and both final test losses per image.
/// <c>--model conv</c> does the same for the <see cref="ConvVae"/> (a speed comparison without an anchor).
/// </summary>
public sealed class BenchVaeCommand : IBenchCommand
{
    /// <summary>Test loss per image PyTorch reaches with the full configuration (issue 7), by latent size.</summary>
    private static readonly Dictionary<int, double> Anchor = new() { [20] = 244.0, [2] = 265.0 };
    private const double Tolerance = 1.5;

    /// <inheritdoc/>
    public Command Build()
    {
        var quick = new Option<bool>("--quick") { Description = "1 epoch on 10,000 training / 2,000 test images (a smoke run; no quality verdict)." };
        var model = new Option<string>("--model")
        {
            Description = "mlp: the reference Vae; conv: the ConvVae (speed comparison, no anchor).", DefaultValueFactory = _ => "mlp",
        };
        model.AcceptOnlyFromAmong("mlp", "conv");
        var latent = new Option<int?>("--latent") { Description = "Latent size: 20 (reference) or 2 (the 2-D variant); ConvVae default 16." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (default 10, or 1 with --quick)." };
        var threads = new Option<int>("--threads") { Description = "Threads for both sides (PyTorch: torch.set_num_threads).", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed for both sides (their generators differ, so runs are not bit-identical).", DefaultValueFactory = _ => 1,
        };
        var noReference = new Option<bool>("--no-reference") { Description = "Skip the PyTorch run." };
        var vae = new Command("vae", "Train the reference VAE on Fashion-MNIST and compare speed and test loss with PyTorch.")
        {
            quick, model, latent, epochs, threads, seed, noReference,
        };
        vae.SetAction(parse => Run(parse.GetValue(quick), parse.GetValue(model) == "conv", parse.GetValue(latent), parse.GetValue(epochs),
                                   parse.GetValue(threads), parse.GetValue(seed), parse.GetValue(noReference)));
        return vae;   // mounted under `genai bench` by BenchCommand, next to the other areas' benchmarks
    }

    private static int Run(bool quick, bool conv, int? latentOption, int? epochsOption, int threads, int seed, bool noReference)
    {
        int latent = latentOption ?? (conv ? new ConvVaeConfig().LatentSize : new VaeConfig().LatentSize);
        // The epoch lines below are the log; a redrawn bar is only useful on an interactive terminal.
        if (Console.IsOutputRedirected) Progress.Factory = _ => new SilentProgress();
        var ci = CultureInfo.InvariantCulture;
        int epochs = epochsOption ?? (quick ? 1 : 10);
        int trainLimit = quick ? 10_000 : 0, testLimit = quick ? 2_000 : 0;
        var trainSet = FashionMnist.Load(train: true, take: quick ? trainLimit : null);
        var testSet = FashionMnist.Load(train: false, take: quick ? testLimit : null);
        string dataDir = Path.GetDirectoryName(DataFiles.Resolve(FashionMnist.Files[0]))!;
        Console.WriteLine(string.Create(ci,
            $"VAE benchmark: {(conv ? $"ConvVae 1-16-32 conv, latent {latent}" : $"Vae 784-400-{latent}")}, BCE sum + KL, Adam 1e-3, batch 128, "
            + $"{epochs} epoch(s), {trainSet.Count} train / {testSet.Count} test images, {threads} thread(s), {Environment.ProcessorCount} cores"));
        Console.WriteLine("Timings on a shared machine are noisy: compare medians and the ratio, not single epochs.");
        Console.WriteLine();

        Console.WriteLine("TorchSharp (GenAI.Models.Vae + Trainer):");
        var ours = TrainOurs(trainSet, testSet, conv, latent, epochs, threads, seed);
        List<VaeBenchEpoch>? reference = null;
        if (!noReference)
        {
            Console.WriteLine();
            var python = PyTorchVaeReference.Find(out var whyNot);
            if (python is null) Console.WriteLine($"PyTorch reference skipped: {whyNot}.");
            else
            {
                Console.WriteLine("PyTorch (bench/vae_reference.py):");
                reference = python.Train(dataDir, conv ? "conv" : "mlp", latent, epochs, trainLimit, testLimit, threads,
                    line => Console.WriteLine("  " + line));
            }
        }

        Console.WriteLine();
        double oursStep = Median(ours.Select(e => e.MsPerStep));
        Console.WriteLine(string.Create(ci, $"TorchSharp   median {oursStep,8:0.0} ms/step   final test loss {ours[^1].TestLoss:0.00} per image"));
        if (reference is { Count: > 0 })
        {
            double refStep = Median(reference.Select(e => e.MsPerStep));
            Console.WriteLine(string.Create(ci, $"PyTorch      median {refStep,8:0.0} ms/step   final test loss {reference[^1].TestLoss:0.00} per image"));
            Console.WriteLine(string.Create(ci,
                $"ratio TorchSharp / PyTorch time per step: {oursStep / refStep:0.00}×; "
                + $"test loss difference {ours[^1].TestLoss - reference[^1].TestLoss:+0.00;-0.00}"));
        }
        if (!quick && !conv && epochs == 10 && Anchor.TryGetValue(latent, out var anchor))
        {
            double diff = ours[^1].TestLoss - anchor;
            bool ok = Math.Abs(diff) <= Tolerance;
            Console.WriteLine(string.Create(ci,
                $"quality anchor (issue 7): PyTorch {anchor:0.0}; ours {ours[^1].TestLoss:0.00} ({diff:+0.00;-0.00}) "
                + $"→ {(ok ? "within" : "OUTSIDE")} ±{Tolerance}"));
            return ok ? 0 : 1;
        }
        Console.WriteLine("No quality verdict: only the full MLP run (10 epochs, all images, latent 20 or 2) is compared with the anchor.");
        return 0;
    }

    private static List<VaeBenchEpoch> TrainOurs(ImageDataset trainSet, ImageDataset testSet, bool conv, int latent, int epochs, int threads, int seed)
    {
        torch.set_num_threads(threads);
        torch.manual_seed(seed);
        var train = new TensorLoader(128, shuffle: true, Images(trainSet));
        var test = new TensorLoader(128, shuffle: false, Images(testSet));
        var trainer = conv ? Trainer.For(new ConvVae(new ConvVaeConfig { LatentSize = latent }), lr: 1e-3)
                           : Trainer.For(new Vae(new VaeConfig { LatentSize = latent }), lr: 1e-3);
        var result = new List<VaeBenchEpoch>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var e = trainer.Fit(train, 1, test).Last!;
            var line = new VaeBenchEpoch(e.Epoch, e.Duration.TotalSeconds, e.TimePerStep.TotalMilliseconds, e.TrainLoss, e.ValidationLoss!.Value);
            result.Add(line);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  epoch {line.Epoch} time_s {line.Seconds:0.000} ms_per_step {line.MsPerStep:0.000} "
                + $"train_loss {line.TrainLoss:0.0000} test_loss {line.TestLoss:0.0000}"));
        }
        return result;
    }

    // (N, 784) pixels in [0, 1], as the PyTorch script's ToTensor scaling.
    private static Tensor Images(ImageDataset set) => torch.tensor(set.Pixels, set.Count, set.PixelsPerImage);

    private sealed class SilentProgress : IProgressView
    {
        public void Report(double current, double? total = null, string? detail = null) { }
        public void Dispose() { }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
