namespace GenAI.Kernel;

/// <summary>
/// What the kernel needs from a language engine. The C# implementation delegates to the notebook
/// engine's ScriptSession, so a notebook behaves the same in VS Code, in <c>genai run</c> and in
/// exported handouts. Cursor positions here are UTF-16 indices; the kernel converts from the
/// protocol's code points.
/// </summary>
public interface IKernelEngine : IDisposable
{
    /// <summary>
    /// Runs one cell, writing every output to <paramref name="output"/> in order. A failing cell
    /// reports through <see cref="CellPublisher.Error"/>; cancellation (interrupt) may also surface
    /// as <see cref="OperationCanceledException"/>.
    /// </summary>
    Task ExecuteAsync(string code, CellPublisher output, CancellationToken cancellationToken);

    /// <summary>Completions at <paramref name="cursor"/>.</summary>
    CompletionResult Complete(string code, int cursor);

    /// <summary>Documentation of the symbol at <paramref name="cursor"/>, or null when there is none.</summary>
    string? Inspect(string code, int cursor, int detailLevel);

    /// <summary>"complete", "incomplete", "invalid" or "unknown" (messaging.rst "Code completeness").</summary>
    string IsComplete(string code);
}

/// <summary>
/// Completion matches replacing the text between <see cref="Start"/> and <see cref="End"/> (UTF-16 indices).
/// <see cref="Kinds"/>, when given, names each match's kind ("method", "class", "keyword", …) for the
/// frontend's icons (IPython's <c>_jupyter_types_experimental</c>).
/// </summary>
public sealed record CompletionResult(IReadOnlyList<string> Matches, int Start, int End, IReadOnlyList<string>? Kinds = null);
