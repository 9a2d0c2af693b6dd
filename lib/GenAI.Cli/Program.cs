using System.CommandLine;
using System.Reflection;
using GenAI.Cli;

var root = new RootCommand("genai: run, export and serve the course \"Generative KI mit C#\".");
foreach (var command in DiscoverCommands())
    root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();

static IEnumerable<Command> DiscoverCommands() =>
    Assembly.GetExecutingAssembly().GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICliCommand).IsAssignableFrom(t))
        .Select(t => ((ICliCommand)Activator.CreateInstance(t)!).Build())
        .OrderBy(c => c.Name, StringComparer.Ordinal);
