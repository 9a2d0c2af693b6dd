using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Data;

public sealed partial class ImageDataset
{
    /// <summary>
    /// The images and labels as tensors (copies): images float32 [N, 1, H, W] (channels first, as
    /// convolutions expect) or, with <paramref name="flatten"/>, [N, H·W] for fully connected models;
    /// labels int64 [N].
    /// </summary>
    public (Tensor Images, Tensor Labels) ToTensors(bool flatten = false)
    {
        long[] shape = flatten ? [Count, PixelsPerImage] : [Count, 1, Height, Width];
        return (torch.tensor(Pixels, shape), torch.tensor(Labels, [Count]));
    }

    /// <summary>
    /// A TorchSharp <c>TensorDataset</c> of (image, label) pairs for <c>torch.utils.data.DataLoader</c>;
    /// shapes as in <see cref="ToTensors"/>.
    /// </summary>
    public TorchSharp.Modules.TensorDataset ToTensorDataset(bool flatten = false)
    {
        var (images, labels) = ToTensors(flatten);
        return torch.utils.data.TensorDataset(images, labels);
    }
}
