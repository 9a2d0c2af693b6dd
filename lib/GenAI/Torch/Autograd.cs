namespace GenAI.Torch;

/// <summary>
/// One recorded op in the graph: its inputs and a function mapping the gradient of its output
/// to the gradients of its inputs (null where an input needs none).
/// </summary>
internal sealed class Node
{
    internal readonly string Name;
    internal torch.Tensor?[] Inputs;
    internal Func<torch.Tensor, torch.Tensor?[]>? Backward;

    internal Node(string name, torch.Tensor[] inputs, Func<torch.Tensor, torch.Tensor?[]> backward)
    {
        Name = name;
        Inputs = inputs;
        Backward = backward;
    }
}

public static partial class torch
{
    /// <summary>True if an op on these inputs must be recorded.</summary>
    internal static bool NeedsGrad(Tensor a) => a.requires_grad && is_grad_enabled();

    internal static bool NeedsGrad(Tensor a, Tensor b) => (a.requires_grad || b.requires_grad) && is_grad_enabled();

    /// <summary>Attaches a graph node to <paramref name="result"/> (caller checked <see cref="NeedsGrad(Tensor)"/>).</summary>
    internal static Tensor Record(Tensor result, string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        result.node = new Node(name, inputs, backward);
        result.requires_grad = true;
        return result;
    }

    public partial class Tensor
    {
        /// <summary>
        /// Reverse-mode autodiff: accumulates d(this)/d(leaf) into every leaf's <see cref="grad"/>.
        /// Without an argument this must be a one-element tensor (the loss).
        /// </summary>
        public void backward() => backward(null, false, false, null);

        public void backward(IList<Tensor>? grad_tensors = null, bool retain_graph = false, bool create_graph = false, IList<Tensor>? inputs = null)
        {
            if (!requires_grad)
                throw new InvalidOperationException("backward() braucht einen Tensor mit requires_grad = true; dieser hängt an keinem Parameter (oder entstand unter torch.no_grad()).");
            Tensor seed;
            if (grad_tensors is { Count: > 0 })
            {
                seed = grad_tensors[0];
                if (!Shape.SameShape(seed.sh, sh))
                    throw new ArgumentException($"Der Startgradient hat die Form {Shape.Format(seed.sh)}, der Tensor {Shape.Format(sh)}.");
            }
            else
            {
                if (count != 1)
                    throw new InvalidOperationException($"backward() ohne Argument geht nur für Tensoren mit einem Element (einen Loss); dieser hat die Form {Shape.Format(sh)}. Summiere zuerst, z. B. loss.sum().backward().");
                seed = ones_like(this);
            }
            Autograd.Run(this, seed, retain_graph, create_graph, inputs);
        }
    }
}

/// <summary>The backward engine: topological order, then gradients pushed from the root to the leaves.</summary>
internal static class Autograd
{
    [ThreadStatic] private static bool restrictedInputs;

    /// <summary>
    /// The gradient buffer of a leaf an op may add its gradient into directly (instead of returning a
    /// temporary for the engine to add): only without create_graph, without an <c>inputs</c> filter, and
    /// when the buffer is a plain contiguous float tensor of the leaf's shape.
    /// </summary>
    internal static torch.Tensor? CanAccumulateDirectly(torch.Tensor leaf)
    {
        if (restrictedInputs || torch.is_grad_enabled() || !leaf.is_leaf || !leaf.requires_grad) return null;
        var g = leaf.grad;
        return g is not null && g.IsFloat && g.is_contiguous() && !g.requires_grad && Shape.SameShape(g.sh, leaf.sh) ? g : null;
    }

    internal static void Run(torch.Tensor root, torch.Tensor seed, bool retainGraph, bool createGraph, IList<torch.Tensor>? only)
    {
        // Topological order by iterative DFS (graphs from long loops would overflow recursion).
        var order = new List<torch.Tensor>();
        var visited = new HashSet<torch.Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(torch.Tensor t, bool expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (t, expanded) = stack.Pop();
            if (expanded) { order.Add(t); continue; }
            if (!visited.Add(t)) continue;
            stack.Push((t, true));
            if (t.node is { } n)
                foreach (var input in n.Inputs)
                    if (input is not null && input.requires_grad && !visited.Contains(input)) stack.Push((input, false));
        }

        var pending = new Dictionary<torch.Tensor, torch.Tensor>(ReferenceEqualityComparer.Instance) { [root] = seed };
        HashSet<torch.Tensor>? onlySet = only is null ? null : new HashSet<torch.Tensor>(only, ReferenceEqualityComparer.Instance);
        using var mode = torch.set_grad_enabled(createGraph);
        restrictedInputs = onlySet is not null;
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var t = order[i];
            if (!pending.Remove(t, out var g)) continue;
            if (t.node is null || t.retainsGrad)
            {
                if (onlySet is null || onlySet.Contains(t)) AccumulateInto(t, g);
                if (t.node is null) continue;
            }
            var node = t.node!;
            var fn = node.Backward ?? throw new InvalidOperationException(
                "backward() läuft ein zweites Mal durch denselben Graphen. Rechne den Forward-Pass neu oder nutze backward(retain_graph: true) beim ersten Aufruf.");
            var grads = fn(g);
            for (int k = 0; k < node.Inputs.Length; k++)
            {
                var input = node.Inputs[k];
                var gi = grads[k];
                if (input is null || gi is null || !input.requires_grad) continue;
                if (!Shape.SameShape(gi.sh, input.sh))
                    throw new InvalidOperationException($"Interner Fehler in {node.Name}: Gradient {Shape.Format(gi.sh)} passt nicht zur Eingabe {Shape.Format(input.sh)}.");
                pending[input] = pending.TryGetValue(input, out var prev) ? Add(prev, gi) : gi;
            }
            if (!retainGraph) { node.Backward = null; }
        }
    }

    private static torch.Tensor Add(torch.Tensor a, torch.Tensor b)
    {
        if (torch.is_grad_enabled()) return a + b;
        var r = torch.Tensor.Empty(a.sh);
        System.Numerics.Tensors.TensorPrimitives.Add(a.contiguous().Span, b.contiguous().Span, r.Span);
        return r;
    }

    /// <summary>Leaf gradients accumulate (PyTorch semantics); the first one is copied so it owns its memory.</summary>
    private static void AccumulateInto(torch.Tensor leaf, torch.Tensor g)
    {
        if (leaf.grad is null)
        {
            leaf.grad = torch.is_grad_enabled() ? g.clone() : g.CopyToNew();
            return;
        }
        if (torch.is_grad_enabled()) { leaf.grad = leaf.grad + g; return; }
        var dst = leaf.grad;
        if (dst.is_contiguous() && dst.storage.F.Length > 0)
            System.Numerics.Tensors.TensorPrimitives.Add(dst.Span, g.contiguous().Span, dst.Span);
        else
            leaf.grad = Add(dst, g);
    }
}
