using System.CommandLine;
using System.Reflection;

namespace GenAI.Cli.Bench;

/// <summary><c>genai bench</c>: the speed checks of each area, each against its named reference in one run.</summary>
public sealed class BenchCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var command = new Command("bench", "Run an area's benchmark against its reference implementation (medians and ratios).");
        var subcommands = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBenchCommand).IsAssignableFrom(t))
            .Select(t => ((IBenchCommand)Activator.CreateInstance(t)!).Build())
            .OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var subcommand in subcommands) command.Subcommands.Add(subcommand);
        return command;
    }
}
