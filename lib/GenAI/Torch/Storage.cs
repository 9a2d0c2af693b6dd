namespace GenAI.Torch;

/// <summary>
/// The flat buffer one or more tensors view. Float32 tensors use <see cref="F"/>; int64 and bool
/// tensors use <see cref="L"/> (bool as 0/1). Views (reshape, transpose, narrow, …) share one Storage.
/// A storage counts the live tensors viewing it; when the last one is disposed (directly or by a
/// <see cref="torch.NewDisposeScope"/>), a buffer the library allocated goes back to <see cref="BufferPool"/>.
/// Tensors that are never disposed simply leave their storage to the garbage collector.
/// </summary>
internal sealed class Storage
{
    private float[]? f;
    internal long[] L;
    private readonly bool pooled;
    internal int References;

    internal Storage(float[] data, bool pooled = false)
    {
        f = data;
        L = [];
        this.pooled = pooled;
    }

    internal Storage(long[] data)
    {
        f = [];
        L = data;
    }

    internal float[] F => f ?? throw new ObjectDisposedException("Tensor",
        "Dieser Tensor wurde freigegeben (Dispose oder Ende eines torch.NewDisposeScope()). Behalte ihn mit .MoveToOuterDisposeScope() oder .DetachFromDisposeScope(), oder kopiere den Wert vorher heraus (z. B. item<float>()).");

    internal bool IsReleased => f is null;

    internal void Release()
    {
        if (Interlocked.Decrement(ref References) > 0 || f is null) return;
        if (pooled) BufferPool.Return(f);
        f = null;
    }
}

/// <summary>
/// Float buffers by exact length, reused across training steps so the steady state allocates no large
/// arrays (each would land on the large-object heap and force gen-2 collections).
/// </summary>
internal static class BufferPool
{
    private const long MaxPooledFloats = 64L << 20; // 256 MB
    private static readonly Dictionary<int, Stack<float[]>> Free = [];
    private static long pooledFloats;

    /// <summary>A buffer of exactly <paramref name="length"/> floats with arbitrary contents.</summary>
    internal static float[] Rent(int length)
    {
        if (length >= 1024)
            lock (Free)
                if (Free.TryGetValue(length, out var stack) && stack.Count > 0)
                {
                    pooledFloats -= length;
                    return stack.Pop();
                }
        return GC.AllocateUninitializedArray<float>(length);
    }

    internal static void Return(float[] buffer)
    {
        if (buffer.Length < 1024) return;
        lock (Free)
        {
            if (pooledFloats + buffer.Length > MaxPooledFloats) return;
            if (!Free.TryGetValue(buffer.Length, out var stack)) Free[buffer.Length] = stack = new Stack<float[]>();
            stack.Push(buffer);
            pooledFloats += buffer.Length;
        }
    }
}
