using System.CommandLine;

namespace GenAI.Cli;

/// <summary>
/// One top-level <c>genai</c> subcommand. Every non-abstract implementation in this assembly is
/// discovered at start-up, so a new command is one new file and nothing else changes.
/// </summary>
public interface ICliCommand
{
    /// <summary>Builds the System.CommandLine command with its options and action.</summary>
    Command Build();
}
