using System.CommandLine;
using GenAI.Cli.Generative;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai train MODEL</c>: trains one of the course's models from scratch with a fixed seed
/// (DESIGN.md §6: shipped weights are reproducible).
/// </summary>
public sealed class TrainCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var command = new Command("train", "Train a course model from scratch (fixed seed, reproducible).");
        foreach (var sub in typeof(TrainCommand).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ITrainCommand).IsAssignableFrom(t))
                     .Select(t => ((ITrainCommand)Activator.CreateInstance(t)!).Build())
                     .Concat(GenerativeModels.All.Select(TrainImageModelCommand.Build))
                     .OrderBy(c => c.Name, StringComparer.Ordinal))
            command.Subcommands.Add(sub);
        return command;
    }
}
