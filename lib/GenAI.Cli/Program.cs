using System.CommandLine;
using System.Reflection;
using GenAI.Cli;

var root = new RootCommand("genai: run, export and serve the course \"Generative KI mit C#\".");
foreach (var command in DiscoverCommands())
    root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();

// Commands of the same name are merged: each area adds its own `genai bench <area>` as a "bench"
// command holding one subcommand, and they end up side by side under one `bench`.
static IEnumerable<Command> DiscoverCommands()
{
    var byName = new Dictionary<string, Command>(StringComparer.Ordinal);
    var built = Assembly.GetExecutingAssembly().GetTypes()
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
