using TorchSharp;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Targets of <see cref="MatmulRewriter"/>: a cell's <c>matmul</c> calls land here so a shape mismatch
/// becomes a readable, catchable error instead of terminating the kernel (see <see cref="GenAI.Models.CheckedMatmul"/>).
/// Public because compiled cells call it.
/// </summary>
public static class TorchCalls
{
    /// <summary><c>a.matmul(b)</c> with PyTorch's shape rules checked first.</summary>
    public static torch.Tensor matmul(torch.Tensor a, torch.Tensor b) => GenAI.Models.CheckedMatmul.matmul(a, b);
}
