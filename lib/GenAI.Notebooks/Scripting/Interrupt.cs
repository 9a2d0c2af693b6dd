using System.ComponentModel;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// The check that <see cref="LoopRewriter"/> inserts at the top of every loop body of a cell, so a
/// tight <c>while (true) {}</c> still stops when the kernel interrupts it. Static (not a globals
/// member) so it also works inside static lambdas and local functions.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Interrupt
{
    // Number of cells whose interrupt was requested and that have not ended yet. The common case
    // (nothing pending) costs one volatile read per loop iteration.
    private static int _pending;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the running cell was interrupted.</summary>
    public static void Check()
    {
        if (Volatile.Read(ref _pending) != 0) CheckSlow();
    }

    private static void CheckSlow()
    {
        if (CellContext.Current is { } cell) cell.Interrupt.ThrowIfCancellationRequested();
    }

    internal static void Requested() => Interlocked.Increment(ref _pending);

    internal static void Finished() => Interlocked.Decrement(ref _pending);
}
