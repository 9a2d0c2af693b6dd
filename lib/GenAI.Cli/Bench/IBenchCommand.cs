using System.CommandLine;

namespace GenAI.Cli.Bench;

/// <summary>
/// One <c>genai bench &lt;area&gt;</c> subcommand. Like <see cref="ICliCommand"/>, every implementation in this
/// assembly is discovered, so an area adds its benchmark as one file in <c>Commands/</c>.
/// </summary>
public interface IBenchCommand
{
    /// <summary>Builds the subcommand (its name is the area, e.g. <c>text</c>).</summary>
    Command Build();
}
