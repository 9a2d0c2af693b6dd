namespace GenAI.Notebooks;

/// <summary>How a cell's execution ended.</summary>
public enum CellRunStatus
{
    /// <summary>The cell ran to the end.</summary>
    Ok,
    /// <summary>The cell did not compile or threw; an <c>error</c> output was written.</summary>
    Error,
    /// <summary>The cell was interrupted through its cancellation token; an <c>error</c> output was written.</summary>
    Cancelled,
}

/// <summary>
/// Outcome of <see cref="ScriptSession.ExecuteAsync"/>. The error fields repeat what was sent to
/// <see cref="ICellOutput.Error"/> so a caller (the kernel's <c>execute_reply</c>, the runner's summary)
/// need not capture outputs to report it.
/// </summary>
public sealed record CellRunResult(
    CellRunStatus Status,
    TimeSpan Duration,
    string? ErrorName = null,
    string? ErrorValue = null,
    IReadOnlyList<string>? Traceback = null)
{
    /// <summary>True when the cell ran to the end.</summary>
    public bool Succeeded => Status == CellRunStatus.Ok;
}

/// <summary>Whether a piece of code is a complete submission (Jupyter's <c>is_complete_request</c>).</summary>
public enum IsCompleteStatus
{
    /// <summary>Ready to run.</summary>
    Complete,
    /// <summary>More lines are expected (an open brace, an unfinished statement).</summary>
    Incomplete,
    /// <summary>Syntactically complete but invalid; running it will report the errors.</summary>
    Invalid,
}
