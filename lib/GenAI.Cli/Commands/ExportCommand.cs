using System.CommandLine;
using GenAI.Core;
using GenAI.Display;
using GenAI.Notebooks;
using GenAI.Notebooks.Export;
using GenAI.Notebooks.Ipynb;
using GenAI.Notebooks.Running;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai export notebooks/ -o handouts/</c>: one self-contained HTML handout per notebook plus
/// <c>index.html</c>. <c>--execute</c> runs the notebooks first (in memory; the files stay as they are).
/// </summary>
public sealed class ExportCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var paths = new Argument<string[]>("pfade") { Description = "Notebooks oder Ordner (Standard: notebooks/)", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Zielordner", DefaultValueFactory = _ => "handouts" };
        var solutions = new Option<SolutionMode>("--solutions")
        {
            Description = "Lösungszellen: hide (Standard), show oder collapse", DefaultValueFactory = _ => SolutionMode.Hide,
        };
        var interactive = new Option<bool>("--interactive") { Description = "Plotly-Grafiken interaktiv (plotly.min.js wird eingebettet)" };
        var execute = new Option<bool>("--execute") { Description = "Notebooks vor dem Export ausführen" };
        var command = new Command("export", "Notebooks als HTML-Handouts exportieren.") { paths, output, solutions, interactive, execute };
        command.SetAction(async (parse, token) =>
        {
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : ["notebooks"];
            if (parse.GetValue(execute) && ReadyToRunBuild.Relaunch(Console.Out) is { } exitCode) return exitCode;
            var options = new ExportOptions { Solutions = parse.GetValue(solutions), Interactive = parse.GetValue(interactive) };
            return await ExportAsync(given, parse.GetValue(output)!, options, parse.GetValue(execute), Console.Out, token);
        });
        return command;
    }

    internal static async Task<int> ExportAsync(IEnumerable<string> paths, string outputDirectory, ExportOptions options,
        bool execute, TextWriter log, CancellationToken token)
    {
        if (RunCommand.LoadAll(paths, log) is not { } notebooks) return 2;
        if (execute)
        {
            _ = ScriptSession.WarmUpAsync();
            foreach (var notebook in notebooks)
            {
                var result = await NotebookRunner.RunAsync(notebook, Path.GetDirectoryName(Path.GetFullPath(notebook.Path!))!, null, token);
                if (result.Failure is { } failure)
                {
                    log.WriteLine($"Fehler: {notebook.Path}, Zelle {failure.CellIndex + 1} (Ausführung [{failure.ExecutionCount}]): "
                        + $"{failure.Result.ErrorName}: {failure.Result.ErrorValue}");
                    return 1;
                }
            }
        }
        if (options.Interactive && options.PlotlyJsPath is null)
        {
            var found = PlotlyScript.Find(Directory.GetCurrentDirectory());
            bool needed = notebooks.Any(n => n.Cells.Any(c => c.Outputs.Any(o => o?["data"]?["application/vnd.plotly.v1+json"] is not null)));
            if (found is null && needed)
            {
                log.WriteLine("Fehler: " + PlotlyScript.NotFoundMessage);
                return 2;
            }
            options = options with { PlotlyJsPath = found };
        }
        Directory.CreateDirectory(outputDirectory);
        var exporter = new HtmlExporter(options);
        var chapters = new List<(string File, string Title, string Source)>();
        foreach (var notebook in notebooks)
        {
            var file = Path.GetFileNameWithoutExtension(notebook.Path!) + ".html";
            var handout = exporter.Export(notebook, Path.GetDirectoryName(Path.GetFullPath(notebook.Path!))!, notebook.Path!);
            AtomicFile.WriteAllText(Path.Combine(outputDirectory, file), handout.Html);
            chapters.Add((file, handout.Title, Path.GetFileName(notebook.Path!)));
            log.WriteLine($"{notebook.Path} → {Path.Combine(outputDirectory, file)}");
            foreach (var warning in handout.Warnings) log.WriteLine("  Warnung: " + warning);
        }
        var index = Path.Combine(outputDirectory, "index.html");
        AtomicFile.WriteAllText(index, HtmlExporter.Index(chapters));
        log.WriteLine($"{chapters.Count} Handouts und {index} geschrieben.");
        return 0;
    }
}
