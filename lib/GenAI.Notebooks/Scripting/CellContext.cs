using System.Text;
using GenAI.Display;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// The cell that is executing right now: where its Console text, displays and progress views go.
/// Console writes are buffered per line (a partial line is flushed after a short delay) so that a
/// loop printing one character at a time does not become thousands of outputs, and every flush
/// happens before the next display or error so outputs keep the order the cell produced them in.
/// </summary>
internal sealed class CellContext : IDisposable
{
    private static readonly AsyncLocal<CellContext?> AsyncCurrent = new();
    private static volatile CellContext? _lastStarted;
    private static readonly TimeSpan PartialLineDelay = TimeSpan.FromMilliseconds(150);

    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private readonly Timer _partialLineTimer;
    private string? _pendingName;
    private bool _disposed;

    private readonly bool _isFallback;

    /// <param name="output">Where the cell's outputs go.</param>
    /// <param name="interrupt">Cancelled when the user interrupts.</param>
    /// <param name="isFallback">False for the engine's warm-up cells: threads without a current cell (the host's
    /// own logging) must never write into them.</param>
    public CellContext(ICellOutput output, CancellationToken interrupt, bool isFallback = true)
    {
        _isFallback = isFallback;
        Output = output;
        Interrupt = interrupt;
        _partialLineTimer = new Timer(_ => FlushStreams(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public ICellOutput Output { get; }

    public CancellationToken Interrupt { get; }

    /// <summary>
    /// The cell whose code is running on this logical thread; falls back to the most recently started
    /// cell for threads that did not inherit the execution context.
    /// </summary>
    public static CellContext? Current => AsyncCurrent.Value ?? _lastStarted;

    /// <summary>Makes this the current cell for the calling logical thread and everything it starts.</summary>
    public void Enter()
    {
        AsyncCurrent.Value = this;
        if (_isFallback) _lastStarted = this;
    }

    public void WriteStream(string name, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_pendingName is not null && _pendingName != name) FlushStreamsLocked();
            _pendingName = name;
            _pending.Append(text);
            if (text.Contains('\n')) FlushStreamsLocked();
            else if (!_disposed) _partialLineTimer.Change(PartialLineDelay, Timeout.InfiniteTimeSpan);
        }
    }

    public void FlushStreams()
    {
        lock (_gate) FlushStreamsLocked();
    }

    private void FlushStreamsLocked()
    {
        if (_pendingName is null || _pending.Length == 0) return;
        var text = _pending.ToString();
        var name = _pendingName;
        _pending.Clear();
        _pendingName = null;
        Output.Stream(name, text);
    }

    public void Display(MimeBundle bundle, string? displayId)
    {
        lock (_gate)
        {
            FlushStreamsLocked();
            Output.Display(bundle, displayId);
        }
    }

    public void UpdateDisplay(MimeBundle bundle, string displayId)
    {
        lock (_gate)
        {
            FlushStreamsLocked();
            Output.UpdateDisplay(bundle, displayId);
        }
    }

    public void Result(MimeBundle bundle)
    {
        lock (_gate)
        {
            FlushStreamsLocked();
            Output.Result(bundle);
        }
    }

    public void Error(string ename, string evalue, IReadOnlyList<string> traceback)
    {
        lock (_gate)
        {
            FlushStreamsLocked();
            Output.Error(ename, evalue, traceback);
        }
    }

    public string? ReadLine(string prompt, bool password)
    {
        FlushStreams();
        return Output.ReadLine(prompt, password);
    }

    /// <summary>Flushes what is left and detaches this cell from the fallback slot.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            FlushStreamsLocked();
            _disposed = true;
        }
        _partialLineTimer.Dispose();
        if (ReferenceEquals(_lastStarted, this)) _lastStarted = null;
    }
}
