namespace GenAI.Torch.Modules;

/// <summary>
/// A tensor registered as a trainable weight of a module (TorchSharp: <c>TorchSharp.Modules.Parameter</c>).
/// It shares storage with the tensor it wraps and requires grad by default.
/// </summary>
public class Parameter : torch.Tensor
{
    public Parameter(torch.Tensor data, bool requires_grad = true) : base(data.detach())
    {
        this.requires_grad = requires_grad;
    }
}
