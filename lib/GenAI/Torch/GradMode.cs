namespace GenAI.Torch;

public static partial class torch
{
    // [ThreadStatic] fields start as false on every thread, so the flag says "off", not "on".
    [ThreadStatic] private static bool gradOff;

    /// <summary>True unless inside a <see cref="no_grad"/> scope (per thread).</summary>
    public static bool is_grad_enabled() => !gradOff;

    /// <summary>
    /// <c>using (torch.no_grad()) { ... }</c>: ops inside record no graph, results have
    /// <c>requires_grad == false</c>. Used for evaluation, sampling and optimizer updates.
    /// </summary>
    public static IDisposable no_grad() => new GradScope(enabled: false);

    /// <summary>Re-enables gradient recording inside a <see cref="no_grad"/> scope.</summary>
    public static IDisposable enable_grad() => new GradScope(enabled: true);

    /// <summary>Sets grad mode for the scope and restores the previous mode on dispose (scopes nest).</summary>
    public static IDisposable set_grad_enabled(bool enabled) => new GradScope(enabled);

    private sealed class GradScope : IDisposable
    {
        private readonly bool previousOff;
        private bool disposed;

        public GradScope(bool enabled)
        {
            previousOff = gradOff;
            gradOff = !enabled;
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            gradOff = previousOff;
        }
    }
}
