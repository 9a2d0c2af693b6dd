using System.CommandLine;
using System.Globalization;
using GenAI.Notebooks;
using GenAI.Notebooks.Ipynb;
using GenAI.Notebooks.Running;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai run notebooks/ [files…]</c>: executes notebooks headless top to bottom, writes their
/// outputs back and stops with a non-zero exit at the first failing cell (that notebook stays untouched).
/// </summary>
public sealed class RunCommand : ICliCommand
{
    internal static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <inheritdoc/>
    public Command Build()
    {
        var paths = new Argument<string[]>("pfade") { Description = "Notebooks oder Ordner (Standard: notebooks/)", Arity = ArgumentArity.ZeroOrMore };
        var clear = new Option<bool>("--clear") { Description = "Nur Ausgaben entfernen, nichts ausführen" };
        var command = new Command("run", "Notebooks ausführen und ihre Ausgaben speichern.") { paths, clear };
        command.SetAction(async (parse, token) =>
        {
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : ["notebooks"];
            if (parse.GetValue(clear)) return Clear(given, Console.Out);
            // Executing runs in the ReadyToRun build when it is current (each notebook's first cell is faster there).
            return ReadyToRunBuild.Relaunch(Console.Out) ?? await RunAsync(given, Console.Out, token);
        });
        return command;
    }

    /// <summary>Loads every notebook first, so a malformed file stops the run before anything changes.</summary>
    internal static List<Notebook>? LoadAll(IEnumerable<string> paths, TextWriter log)
    {
        try
        {
            return [.. NotebookFiles.Expand(paths).Select(Notebook.Load)];
        }
        catch (Exception e) when (e is NotebookFormatException or FileNotFoundException)
        {
            log.WriteLine("Fehler: " + e.Message);
            return null;
        }
    }

    internal static int Clear(IEnumerable<string> paths, TextWriter log)
    {
        if (LoadAll(paths, log) is not { } notebooks) return 2;
        foreach (var notebook in notebooks)
        {
            notebook.Normalize();
            notebook.ClearOutputs();
            log.WriteLine($"{notebook.Path}: {(notebook.Save(notebook.Path!) ? "Ausgaben entfernt" : "unverändert")}");
        }
        return 0;
    }

    /// <summary>Runs the notebooks and saves each that succeeded. Returns the process exit code.</summary>
    internal static async Task<int> RunAsync(IEnumerable<string> paths, TextWriter log, CancellationToken token)
    {
        // No separate warm-up here: the first cell is the warm-up, and a parallel one would only compete for the CPU.
        if (LoadAll(paths, log) is not { } notebooks) return 2;
        if (notebooks.Count == 0) { log.WriteLine("Keine Notebooks gefunden."); return 0; }
        var started = DateTime.UtcNow;
        int cells = 0;
        foreach (var notebook in notebooks)
        {
            log.WriteLine(notebook.Path);
            var result = await NotebookRunner.RunAsync(notebook, Path.GetDirectoryName(Path.GetFullPath(notebook.Path!))!,
                cell => log.WriteLine(string.Create(German,
                    $"  [{cell.ExecutionCount}] {cell.Duration.TotalSeconds,7:0.00} s{(cell.Result.Succeeded ? "" : "  FEHLER")}")),
                token);
            cells += result.Cells.Count;
            if (result.Failure is { } failure)
            {
                log.WriteLine($"Fehler: {notebook.Path}, Zelle {failure.CellIndex + 1} (Ausführung [{failure.ExecutionCount}]): "
                    + $"{failure.Result.ErrorName}: {failure.Result.ErrorValue}");
                foreach (var line in (failure.Result.Traceback ?? []).Skip(1)) log.WriteLine(line);
                log.WriteLine("Die Datei bleibt unverändert.");
                return 1;
            }
            bool saved = notebook.Save(notebook.Path!);
            log.WriteLine(string.Create(German,
                $"  {result.Cells.Count} Zellen in {result.Duration.TotalSeconds:0.0} s — {(saved ? "gespeichert" : "unverändert")}"));
        }
        log.WriteLine(string.Create(German,
            $"Zusammenfassung: {notebooks.Count} Notebooks, {cells} Zellen, {(DateTime.UtcNow - started).TotalSeconds:0.0} s, alle ohne Fehler."));
        return 0;
    }
}
