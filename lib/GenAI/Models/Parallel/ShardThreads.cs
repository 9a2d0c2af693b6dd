using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// A fixed team of threads that run one piece of work per shard at the same time: shard 0 on the caller's thread, shard i on
/// worker thread i. Every thread of the team (the caller included, while the team exists) runs LibTorch with one intra-op
/// thread, so the shards use the cores side by side instead of each operation splitting itself over them.
/// </summary>
internal sealed class ShardThreads : IDisposable
{
    private readonly Thread[] workers;
    private readonly Barrier barrier;
    private readonly Exception?[] failures;
    private readonly int callerThreads;
    private Action<int>? work;
    private bool stopping;
    private bool disposed;

    /// <summary>Starts <paramref name="count"/> − 1 worker threads; the caller is shard 0.</summary>
    public ShardThreads(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        failures = new Exception?[count];
        barrier = new Barrier(count);
        callerThreads = get_num_threads();
        set_num_threads(1);   // LibTorch keeps the count per thread (OpenMP) and as the default for threads it has not seen yet
        workers = [.. Enumerable.Range(1, count - 1).Select(i => new Thread(() => Loop(i))
        {
            IsBackground = true, Name = $"GenAI shard {i}",
        })];
        foreach (var worker in workers) worker.Start();
    }

    /// <summary>How many shards run at once (threads in the team, the caller included).</summary>
    public int Count { get; }

    /// <summary>Runs <paramref name="shard"/>(i) for every i &lt; <see cref="Count"/> at the same time and returns when all are done.</summary>
    /// <exception cref="AggregateException">One or more shards threw; the team stays usable.</exception>
    public void Run(Action<int> shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ObjectDisposedException.ThrowIf(disposed, this);
        work = shard;
        barrier.SignalAndWait();                 // go
        try { shard(0); }
        catch (Exception e) { failures[0] = e; }
        barrier.SignalAndWait();                 // every shard is done
        work = null;
        var errors = failures.OfType<Exception>().ToArray();
        Array.Clear(failures);
        if (errors.Length > 0) throw new AggregateException("Ein Teil des Batches ist fehlgeschlagen.", errors);
    }

    /// <summary>Stops the workers and gives the caller's thread its former intra-op thread count back.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        stopping = true;
        barrier.SignalAndWait();
        foreach (var worker in workers) worker.Join();
        barrier.Dispose();
        set_num_threads(callerThreads);
    }

    private void Loop(int index)
    {
        set_num_threads(1);
        while (true)
        {
            barrier.SignalAndWait();
            if (stopping) return;
            try { work!(index); }
            catch (Exception e) { failures[index] = e; }
            barrier.SignalAndWait();
        }
    }
}
