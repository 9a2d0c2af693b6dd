using System.CommandLine;
using GenAI.Cli.Generative;
using GenAI.Data;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai sample &lt;model&gt; --count N --seed S --out FILE [--label K] [--checkpoint FILE]</c>: writes N generated
/// 28 × 28 images as an IDX ubyte file (the format of Fashion-MNIST's <c>*-images-idx3-ubyte</c>; 0 = background,
/// 255 = full intensity), so samples can be checked outside the notebook. Trains the model with its chapter's
/// settings first when no checkpoint is cached.
/// </summary>
public sealed class SampleCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var command = new Command("sample",
            "Write generated 28x28 images as an IDX ubyte file (uses shipped weights, or trains first, when no checkpoint is cached).");
        foreach (var model in GenerativeModels.All)
            command.Subcommands.Add(BuildFor(model));
        return command;
    }

    private static Command BuildFor(IGenerativeModel model)
    {
        var count = new Option<int>("--count", "-n") { Description = "Number of images.", DefaultValueFactory = _ => 64 };
        var seed = new Option<long>("--seed", "-s") { Description = "Seed of the noise (same seed, same images).", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out", "-o") { Description = "IDX file to write.", Required = true };
        var checkpoint = new Option<string?>("--checkpoint")
        {
            Description = $"Checkpoint to sample from; default: {GenerativeModels.CheckpointPath(model)} (trained first if absent).",
        };
        var label = new Option<int?>("--label", "-l") { Description = "Class 0-9 to generate." };
        var steps = new Option<int?>("--steps") { Description = "Sampling steps (DDIM; fewer are faster, more are finer)." };
        var guidance = new Option<double?>("--guidance") { Description = "Classifier-free guidance weight w (0 = none; used with --label)." };
        var guided = model as IGuidedGenerativeModel;
        var command = new Command(model.Name, model.Description) { count, seed, output, checkpoint };
        if (model.IsConditional) command.Options.Add(label);
        if (guided is not null)
        {
            command.Options.Add(steps);
            command.Options.Add(guidance);
            command.Aliases.Add("ddpm");
        }
        command.SetAction((result, cancellationToken) =>
        {
            int n = result.GetValue(count);
            if (n < 1)
            {
                Console.Error.WriteLine("--count muss mindestens 1 sein.");
                return Task.FromResult(2);
            }
            int? k = model.IsConditional ? result.GetValue(label) : null;
            if (model.IsConditional && k is not (>= 0 and <= 9) && !(guided is not null && k is null))
            {
                Console.Error.WriteLine($"„{model.Name}“ ist konditional: gib die Klasse mit --label K an, K von 0 bis 9.");
                return Task.FromResult(2);
            }
            var explicitPath = result.GetValue(checkpoint);
            var path = Path.GetFullPath(explicitPath ?? GenerativeModels.CheckpointPath(model));
            if (!GenerativeModels.CheckpointExists(path))
            {
                if (explicitPath is not null)
                {
                    Console.Error.WriteLine($"Kein Checkpoint unter {path} (Gewichte und .json-Konfiguration). "
                        + $"Trainiere einen mit: genai train {model.Name} --out {explicitPath}");
                    return Task.FromResult(1);
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (model.TryInstallShipped(path))
                    Console.WriteLine($"Kein Checkpoint unter {path}: die mitgelieferten Gewichte von {model.Name} liegen jetzt dort.");
                else
                {
                    Console.WriteLine($"Kein Checkpoint unter {path}: trainiere {model.Name} zuerst mit den Einstellungen des Kapitels.");
                    try { model.Train(path, model.Defaults, Console.Out, cancellationToken); }
                    catch (DataUnavailableException e)
                    {
                        Console.Error.WriteLine(e.Message);
                        return Task.FromResult(1);
                    }
                }
            }
            int stepCount = result.GetValue(steps) ?? guided?.DefaultSteps ?? 0;
            if (guided is not null && stepCount is < 1 or > 1000)
            {
                Console.Error.WriteLine("--steps muss zwischen 1 und 1000 liegen.");
                return Task.FromResult(2);
            }
            using var images = guided is null
                ? model.Sample(path, n, result.GetValue(seed), k)                                   // (N, 1, 28, 28) in [0, 1]
                : guided.Sample(path, n, result.GetValue(seed), k, stepCount, result.GetValue(guidance) ?? guided.DefaultGuidance);
            var file = result.GetValue(output)!;
            GenerativeModels.WriteIdx(images, file);
            Console.WriteLine($"{n} Bilder (28×28, IDX ubyte) → {Path.GetFullPath(file)}");
            return Task.FromResult(0);
        });
        return command;
    }
}
