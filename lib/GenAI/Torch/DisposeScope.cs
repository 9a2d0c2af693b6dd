namespace GenAI.Torch;

public static partial class torch
{
    /// <summary>
    /// TorchSharp's memory idiom: <c>using (var d = torch.NewDisposeScope()) { … }</c> disposes every tensor
    /// created inside when the scope ends, so a training loop reuses its buffers instead of allocating new
    /// ones each step. Keep a result with <c>t.MoveToOuterDisposeScope()</c>; parameters and gradients are never
    /// owned by a scope. Using a disposed tensor throws an <see cref="ObjectDisposedException"/>.
    /// </summary>
    public static DisposeScope NewDisposeScope() => new();

    public sealed class DisposeScope : IDisposable
    {
        [ThreadStatic] internal static DisposeScope? Current;
        internal readonly DisposeScope? Outer;
        private readonly List<Tensor> owned = [];
        private bool disposed;

        internal DisposeScope()
        {
            Outer = Current;
            Current = this;
        }

        internal void Add(Tensor t) => owned.Add(t);

        /// <summary>Number of tensors this scope will dispose.</summary>
        public int DisposablesCount => owned.Count(t => t.Scope == this);

        /// <summary>Hands the tensors to the enclosing scope (or to the garbage collector if there is none).</summary>
        public T MoveToOuter<T>(T tensor) where T : Tensor
        {
            tensor.MoveToOuterDisposeScope();
            return tensor;
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            // Scopes nest; closing one out of order re-links the stack past it.
            if (Current == this) Current = Outer;
            foreach (var t in owned)
                if (t.Scope == this) t.Dispose();
            owned.Clear();
        }
    }

    public partial class Tensor
    {
        internal DisposeScope? Scope;
        private bool disposed;

        /// <summary>Moves this tensor to the enclosing dispose scope (or out of all scopes).</summary>
        public Tensor MoveToOuterDisposeScope()
        {
            var outer = Scope?.Outer;
            Scope = outer;
            outer?.Add(this);
            return this;
        }

        /// <summary>Takes this tensor out of every dispose scope: only the garbage collector frees it.</summary>
        public Tensor DetachFromDisposeScope()
        {
            Scope = null;
            return this;
        }

        public bool IsInvalid => disposed || storage.IsReleased;

        /// <summary>Releases this view; the buffer is reused once no live tensor views it.</summary>
        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            Scope = null;
            storage.Release();
            GC.SuppressFinalize(this);
        }
    }
}
