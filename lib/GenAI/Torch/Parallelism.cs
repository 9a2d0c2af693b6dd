namespace GenAI.Torch;

/// <summary>How many threads the compute kernels may use (torch.set_num_threads).</summary>
internal static class Parallelism
{
    internal static int Threads = Math.Max(1, Environment.ProcessorCount);
}
