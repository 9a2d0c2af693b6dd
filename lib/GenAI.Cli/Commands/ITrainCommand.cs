using System.CommandLine;

namespace GenAI.Cli.Commands;

/// <summary>
/// One model under <c>genai train</c> (e.g. <c>genai train lstm</c>). Every non-abstract implementation in this assembly is
/// found by <see cref="TrainCommand"/>, so a new trainable model is one new file.
/// </summary>
public interface ITrainCommand
{
    /// <summary>Builds the subcommand (its name is the model's name).</summary>
    Command Build();
}
