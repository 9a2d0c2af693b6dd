using System.CommandLine;
using GenAI.Data;

namespace GenAI.Cli.Commands;

/// <summary><c>genai data list</c> and <c>genai data fetch NAME</c>: what data the course knows, where it comes from, and fetching it.</summary>
public sealed class DataCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var command = new Command("data", "Datensätze und Textkorpora: anzeigen und herunterladen.");

        var list = new Command("list", "Zeigt alle bekannten Datensätze und Korpora, woher sie kämen und ob sie vorhanden sind.");
        list.SetAction(_ =>
        {
            Console.Write(DataTable.Render(DataFiles.Resolver, DataCatalog.All));
            return 0;
        });

        var name = new Argument<string>("name") { Description = "Name aus `genai data list`, z. B. fashion-mnist, oder all für alles" };
        var fetch = new Command("fetch", "Lädt einen Datensatz oder Korpus in den Cache (falls er nicht schon vorhanden ist).");
        fetch.Arguments.Add(name);
        fetch.SetAction(parse => Fetch(parse.GetValue(name)!));

        command.Subcommands.Add(list);
        command.Subcommands.Add(fetch);
        return command;
    }

    private static int Fetch(string name)
    {
        if (string.Equals(name, "all", StringComparison.OrdinalIgnoreCase)) return FetchAll();
        DataEntry entry;
        try
        {
            entry = DataCatalog.Get(name);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message.Split(" (Parameter")[0]);
            return 2;
        }
        if (entry.IsEmbedded)
        {
            Console.WriteLine($"{entry.Name} ist in die Bibliothek eingebettet und immer vorhanden.");
            return 0;
        }
        try
        {
            foreach (var path in DataCatalog.Fetch(entry))
                Console.WriteLine($"vorhanden: {path}");
            return 0;
        }
        catch (DataUnavailableException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>Fetches everything that can be fetched (e.g. before going offline); one failure does not stop the rest.</summary>
    private static int FetchAll()
    {
        var failed = new List<string>();
        foreach (var entry in DataCatalog.All.Where(e => !e.IsEmbedded))
        {
            try
            {
                DataCatalog.Fetch(entry);
                Console.WriteLine($"{entry.Name}: vorhanden");
            }
            catch (DataUnavailableException e)
            {
                failed.Add(entry.Name);
                Console.Error.WriteLine($"{entry.Name}: {e.Message}");
            }
        }
        if (failed.Count == 0) return 0;
        Console.Error.WriteLine($"Nicht geladen: {string.Join(", ", failed)}.");
        return 1;
    }
}
