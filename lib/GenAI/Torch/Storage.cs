namespace GenAI.Torch;

/// <summary>
/// The flat buffer one or more tensors view. Float32 tensors use <see cref="F"/>; int64 and bool
/// tensors use <see cref="L"/> (bool as 0/1). Views (reshape, transpose, narrow, …) share one Storage.
/// </summary>
internal sealed class Storage
{
    internal float[] F;
    internal long[] L;

    internal Storage(float[] data)
    {
        F = data;
        L = [];
    }

    internal Storage(long[] data)
    {
        F = [];
        L = data;
    }
}
