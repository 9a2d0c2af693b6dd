namespace GenAI.Torch.Modules;

/// <summary>Base of the optimizers (TorchSharp: <c>torch.optim.Optimizer</c>): parameters and per-parameter state.</summary>
public abstract class Optimizer
{
    private protected readonly List<Parameter> parameterList;

    private protected Optimizer(IEnumerable<Parameter> parameters)
    {
        parameterList = parameters.ToList();
        if (parameterList.Count == 0)
            throw new ArgumentException("Der Optimierer hat keine Parameter bekommen. Übergib model.parameters().");
    }

    /// <summary>Learning rate (can be changed between steps, e.g. by a schedule).</summary>
    public abstract double LearningRate { get; set; }

    public IEnumerable<Parameter> parameters() => parameterList;

    /// <summary>Resets all gradients to zero in place (memory is reused on the next backward).</summary>
    public virtual void zero_grad()
    {
        foreach (var p in parameterList)
            if (p.grad is not null)
                using (torch.no_grad()) p.grad.zero_();
    }

    /// <summary>Applies one update from the current gradients; returns the closure's loss if given.</summary>
    public torch.Tensor? step(Func<torch.Tensor>? closure = null)
    {
        torch.Tensor? loss = null;
        if (closure is not null) using (torch.enable_grad()) loss = closure();
        using (torch.no_grad())
            foreach (var p in parameterList)
            {
                if (p.grad is null) continue;
                var grad = p.grad.contiguous();
                if (!p.is_contiguous()) throw new InvalidOperationException("Optimierer brauchen zusammenhängende Parameter.");
                Update(p, p.Span, grad.Span);
            }
        return loss;
    }

    /// <summary>Updates one parameter in place: <paramref name="param"/>, its gradient <paramref name="grad"/> (same length).</summary>
    private protected abstract void Update(Parameter p, Span<float> param, ReadOnlySpan<float> grad);
}
