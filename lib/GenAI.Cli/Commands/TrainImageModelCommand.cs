using System.CommandLine;
using System.Diagnostics;
using GenAI.Cli.Generative;
using GenAI.Data;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai train gan|dcgan|cgan|vae|diffusion [--images N --epochs E --seed S --threads N --out FILE]</c>: trains an image model with its
/// chapter's settings (the options override them) and saves the checkpoint to the cache, where
/// <c>genai sample</c> finds it.
/// </summary>
public static class TrainImageModelCommand
{
    /// <summary>The subcommand for <paramref name="model"/>.</summary>
    public static Command Build(IGenerativeModel model)
    {
        var images = new Option<int>("--images")
        {
            Description = "Training images (a fixed random selection).", DefaultValueFactory = _ => model.Defaults.Images,
        };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training images.", DefaultValueFactory = _ => model.Defaults.Epochs };
        var seed = new Option<long>("--seed") { Description = "Seed of weights, noise and shuffling.", DefaultValueFactory = _ => model.Defaults.Seed };
        var output = new Option<string?>("--out")
        {
            Description = $"Checkpoint to write (.safetensors, config .json beside it); default: {GenerativeModels.CheckpointPath(model)}.",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Torch threads (0: libtorch's default); the same machine and count give the same bytes.", DefaultValueFactory = _ => 0,
        };
        var command = new Command(model.Name, model.Description) { images, epochs, seed, threads, output };
        if (model is IGuidedGenerativeModel) command.Aliases.Add("ddpm");
        command.SetAction((result, cancellationToken) =>
        {
            var settings = new GenerativeTrainingSettings(result.GetValue(images), result.GetValue(epochs), result.GetValue(seed));
            if (settings.Images < 1 || settings.Epochs < 1)
            {
                Console.Error.WriteLine("--images und --epochs müssen mindestens 1 sein.");
                return Task.FromResult(2);
            }
            if (result.GetValue(threads) is > 0 and var n) TorchSharp.torch.set_num_threads(n);
            var path = Path.GetFullPath(result.GetValue(output) ?? GenerativeModels.CheckpointPath(model));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var clock = Stopwatch.StartNew();
            try { model.Train(path, settings, Console.Out, cancellationToken); }
            catch (DataUnavailableException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(1);
            }
            Console.WriteLine(FormattableString.Invariant($"time {clock.Elapsed.TotalSeconds:F1} s"));
            Console.WriteLine($"checkpoint {path}");
            return Task.FromResult(0);
        });
        return command;
    }
}
