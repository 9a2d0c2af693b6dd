using GenAI.Numerics;
using TorchSharp;

namespace GenAI.Plotting;

public static partial class Interpolation
{
    /// <summary>Straight-line path between two 1-D codes: tensor [steps, D].</summary>
    public static torch.Tensor Linear(torch.Tensor start, torch.Tensor end, int steps) =>
        TensorData.FromMatrix(Linear(TensorData.Vector(start, nameof(start)), TensorData.Vector(end, nameof(end)), steps));

    /// <summary>Spherical (slerp) path between two 1-D codes: tensor [steps, D].</summary>
    public static torch.Tensor Spherical(torch.Tensor start, torch.Tensor end, int steps) =>
        TensorData.FromMatrix(Spherical(TensorData.Vector(start, nameof(start)), TensorData.Vector(end, nameof(end)), steps));
}
