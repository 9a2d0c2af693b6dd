using System.CommandLine;
using System.CommandLine.Help;

namespace GenAI.Cli;

/// <summary>
/// The <c>genai</c> command: every <see cref="ICliCommand"/> in this assembly. <c>genai --help</c> lists what students
/// and instructors use (run, export, course, kernel, train, sample, …); the developer tooling under <c>genai bench</c>
/// still runs by name but stays out of the help, so a learner's first screen is not mostly benchmarks.
/// </summary>
public static class CliRoot
{
    /// <summary>Top-level commands that work but are not listed by <c>genai --help</c>.</summary>
    public static readonly IReadOnlySet<string> DeveloperCommands = new HashSet<string>(StringComparer.Ordinal) { "bench" };

    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("genai: run, export and serve the course \"Generative KI mit C#\".");
        foreach (var command in DiscoverCommands())
        {
            if (DeveloperCommands.Contains(command.Name)) Hide(command);
            root.Subcommands.Add(command);
        }
        return root;
    }

    // System.CommandLine prints no help at all for a hidden command, so a hidden command lists its subcommands itself,
    // both when called alone and with --help.
    private static void Hide(Command command)
    {
        command.Hidden = true;
        var list = new ListSubcommandsAction(command);
        command.SetAction(result => list.Invoke(result));
        command.Options.Add(new HelpOption { Action = list });
        // The nearest --help wins, so each subcommand gets the ordinary one back.
        foreach (var sub in command.Subcommands) sub.Options.Add(new HelpOption());
    }

    private sealed class ListSubcommandsAction(Command command) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(command.Description);
            output.WriteLine();
            output.WriteLine($"Usage: genai {command.Name} <command> [options]   (genai {command.Name} <command> --help for its options)");
            output.WriteLine();
            int width = command.Subcommands.Max(c => c.Name.Length) + 2;
            foreach (var sub in command.Subcommands.OrderBy(c => c.Name, StringComparer.Ordinal))
                output.WriteLine($"  {sub.Name.PadRight(width)}{sub.Description}");
            return 0;
        }
    }

    // Commands of the same name are merged: an area may add its own subcommand under a shared name, and they end
    // up side by side under one command.
    private static IEnumerable<Command> DiscoverCommands()
    {
        var byName = new Dictionary<string, Command>(StringComparer.Ordinal);
        var built = typeof(CliRoot).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICliCommand).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => ((ICliCommand)Activator.CreateInstance(t)!).Build());
        foreach (var command in built)
        {
            if (!byName.TryGetValue(command.Name, out var existing)) byName[command.Name] = command;
            else foreach (var sub in command.Subcommands.ToList()) existing.Subcommands.Add(sub);
        }
        return byName.Values.OrderBy(c => c.Name, StringComparer.Ordinal);
    }
}
