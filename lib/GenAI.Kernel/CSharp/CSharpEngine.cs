using GenAI.Notebooks;

namespace GenAI.Kernel.CSharp;

/// <summary>
/// C# for the kernel through the notebook engine's <see cref="ScriptSession"/>: the same execution
/// as <c>genai run</c>, plus completion and hover from the semantic model of the next submission.
/// </summary>
public sealed class CSharpEngine : IKernelEngine
{
    private readonly ScriptSession _session;
    private readonly XmlDocumentation _docs = new();

    /// <summary>
    /// Starts a session whose <c>#r</c> paths resolve against <paramref name="workingDirectory"/>
    /// (Jupyter starts kernels in the notebook's folder) and warms Roslyn up in the background.
    /// </summary>
    public CSharpEngine(string workingDirectory)
    {
        _ = ScriptSession.WarmUpAsync();
        _session = new ScriptSession(workingDirectory);
    }

    /// <inheritdoc/>
    public async Task ExecuteAsync(string code, CellPublisher output, CancellationToken cancellationToken)
    {
        var result = await _session.ExecuteAsync(code, output, cancellationToken).ConfigureAwait(false);
        // The engine reports errors through output.Error; this only guards a reply without the error fields.
        if (!result.Succeeded && output.ErrorName is null)
            output.Error(result.ErrorName ?? result.Status.ToString(), result.ErrorValue ?? "", result.Traceback ?? []);
    }

    /// <inheritdoc/>
    public CompletionResult Complete(string code, int cursor) => RoslynCompletion.Complete(_session.CreateCompilationFor(code), cursor);

    /// <inheritdoc/>
    public string? Inspect(string code, int cursor, int detailLevel) => RoslynInspection.Inspect(_session.CreateCompilationFor(code), cursor, _docs);

    /// <inheritdoc/>
    public string IsComplete(string code) => _session.IsComplete(code) switch
    {
        IsCompleteStatus.Complete => "complete",
        IsCompleteStatus.Incomplete => "incomplete",
        IsCompleteStatus.Invalid => "invalid",
        _ => "unknown",
    };

    /// <inheritdoc/>
    public void Dispose() => _session.Dispose();
}
