using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// What a recurrent network carries from one step to the next: the hidden state h [layers, B, H] and, for an LSTM,
/// the cell state c [layers, B, H]. Detach it between training chunks (truncated backpropagation through time).
/// </summary>
public sealed record RecurrentState(Tensor H, Tensor? C = null) : IDisposable
{
    /// <summary>The same values, cut off from the graph that produced them.</summary>
    public RecurrentState Detach() => new(H.detach(), C?.detach());

    /// <summary>Moves the tensors to the enclosing dispose scope (to keep them after a step's scope ends).</summary>
    public RecurrentState MoveToOuterDisposeScope()
    {
        H.MoveToOuterDisposeScope();
        C?.MoveToOuterDisposeScope();
        return this;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        H.Dispose();
        C?.Dispose();
    }
}
