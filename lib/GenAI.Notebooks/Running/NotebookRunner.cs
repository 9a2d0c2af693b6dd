using System.Diagnostics;
using System.Text.Json.Nodes;
using GenAI.Notebooks.Ipynb;

namespace GenAI.Notebooks.Running;

/// <summary>What happened to one code cell in a headless run.</summary>
/// <param name="CellIndex">0-based position among all cells of the notebook.</param>
/// <param name="ExecutionCount">The <c>[n]</c> the cell got.</param>
/// <param name="Duration">Wall time of the cell.</param>
/// <param name="Result">How the cell ended.</param>
public sealed record CellTiming(int CellIndex, int ExecutionCount, TimeSpan Duration, CellRunResult Result);

/// <summary>Outcome of running one notebook.</summary>
public sealed record NotebookRunResult(IReadOnlyList<CellTiming> Cells, TimeSpan Duration)
{
    /// <summary>The first cell that failed (the run stops there), or null.</summary>
    public CellTiming? Failure => Cells.FirstOrDefault(c => !c.Result.Succeeded);

    /// <summary>True when every code cell ran.</summary>
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Executes a notebook top to bottom in a fresh <see cref="ScriptSession"/> with the notebook's
/// folder as working directory (as Jupyter does), replacing outputs and numbering executed cells
/// 1, 2, 3, … Stops at the first failing cell. Writes nothing to disk; callers save on success.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs <paramref name="notebook"/>; <paramref name="onCell"/> sees each cell as it finishes.</summary>
    public static async Task<NotebookRunResult> RunAsync(Notebook notebook, string workingDirectory,
        Action<CellTiming>? onCell = null, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        notebook.Normalize();
        var timings = new List<CellTiming>();
        var displays = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        var previousDirectory = Environment.CurrentDirectory;
        using var session = new ScriptSession(workingDirectory);
        try
        {
            // Relative file paths in cells (data, images) mean the same as in Jupyter, whose kernel starts in the notebook's folder.
            Environment.CurrentDirectory = session.WorkingDirectory;
            int count = 0;
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = notebook.Cells[i];
                if (!cell.IsCode) continue;
                cell.ClearOutputs();
                if (string.IsNullOrWhiteSpace(cell.Source)) continue;
                var collector = new OutputCollector(displays) { ExecutionCount = ++count };
                var result = await session.ExecuteAsync(cell.Source, collector, cancellationToken).ConfigureAwait(false);
                cell.Json["outputs"] = collector.Outputs;
                cell.ExecutionCount = count;
                var timing = new CellTiming(i, count, result.Duration, result);
                timings.Add(timing);
                onCell?.Invoke(timing);
                if (!result.Succeeded) break;
            }
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
        return new NotebookRunResult(timings, total.Elapsed);
    }
}
