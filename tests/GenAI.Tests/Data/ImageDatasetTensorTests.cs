using GenAI.Data;
using GenAI.Torch;

namespace GenAI.Tests.Data;

public class ImageDatasetTensorTests
{
    [Test]
    public void Images_become_N_1_H_W_float_tensors_and_labels_int64()
    {
        var digits = Digits.Load(train: false, take: 5);
        var (images, labels) = digits.ToTensors();

        Assert.That(images.shape, Is.EqualTo(new long[] { 5, 1, 28, 28 }));
        Assert.That(images.dtype, Is.EqualTo(torch.ScalarType.Float32));
        Assert.That(labels.shape, Is.EqualTo(new long[] { 5 }));
        Assert.That(labels.dtype, Is.EqualTo(torch.ScalarType.Int64));
        Assert.That(images.ToArray<float>(), Is.EqualTo(digits.Pixels));
        Assert.That(labels.ToArray<long>(), Is.EqualTo(digits.Labels));
    }

    [Test]
    public void Flattened_images_are_N_by_784_and_the_dataset_is_a_copy()
    {
        var digits = Digits.Load(train: false, take: 3);
        var (images, _) = digits.ToTensors(flatten: true);
        Assert.That(images.shape, Is.EqualTo(new long[] { 3, 784 }));
        Assert.That(images[1].ToArray<float>(), Is.EqualTo(digits.Image(1).ToArray()));

        images.mul_(0f);
        Assert.That(digits.Pixels.Max(), Is.GreaterThan(0f), "changing the tensor leaves the dataset alone");
    }

    [Test]
    public void The_tensor_dataset_feeds_a_data_loader_with_image_label_pairs()
    {
        var digits = Digits.Load(train: true, size: 8, take: 10);
        using var loader = torch.utils.data.DataLoader(digits.ToTensorDataset(flatten: true), 4);
        var batches = loader.ToList();

        Assert.That(batches.Select(b => b[0].shape[0]), Is.EqualTo(new long[] { 4, 4, 2 }));
        Assert.That(batches[0][0].shape, Is.EqualTo(new long[] { 4, 64 }));
        Assert.That(batches[2][1].ToArray<long>(), Is.EqualTo(digits.Labels[8..]));
    }
}
