using TorchSharp;

namespace GenAI.Numerics;

public sealed partial class Pca
{
    /// <summary>Fits a PCA to a 2-D tensor, shape [N samples, D dimensions].</summary>
    public static Pca Fit(torch.Tensor data, int components = 2) => Fit(TensorData.Matrix(data, nameof(data)), components);

    /// <summary>Projects a tensor [N, D] onto the components: result [N, k].</summary>
    public torch.Tensor Transform(torch.Tensor data) => TensorData.FromMatrix(Transform(TensorData.Matrix(data, nameof(data))));
}
