using GenAI.Data;
using TorchSharp;

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
        Assert.That(images.data<float>().ToArray(), Is.EqualTo(digits.Pixels));
        Assert.That(labels.data<long>().ToArray(), Is.EqualTo(digits.Labels));
    }

    [Test]
    public void Flattened_images_are_N_by_784_and_the_dataset_is_a_copy()
    {
        var digits = Digits.Load(train: false, take: 3);
        var (images, _) = digits.ToTensors(flatten: true);
        Assert.That(images.shape, Is.EqualTo(new long[] { 3, 784 }));
        Assert.That(images[1].data<float>().ToArray(), Is.EqualTo(digits.Image(1).ToArray()));

        images.mul_(0f);
        Assert.That(digits.Pixels.Max(), Is.GreaterThan(0f), "changing the tensor leaves the dataset alone");
    }

    [Test]
    public void The_tensor_dataset_feeds_a_data_loader_with_image_label_pairs()
    {
        var digits = Digits.Load(train: true, size: 8, take: 10);
        using var loader = torch.utils.data.DataLoader(digits.ToTensorDataset(flatten: true), 4);
        var sizes = new List<long>();
        var labels = new List<long>();
        foreach (var batch in loader) // TorchSharp disposes each batch when it fetches the next
        {
            sizes.Add(batch[0].shape[0]);
            Assert.That(batch[0].shape[1], Is.EqualTo(64));
            labels.AddRange(batch[1].data<long>().ToArray());
        }
        Assert.That(sizes, Is.EqualTo(new long[] { 4, 4, 2 }));
        Assert.That(labels, Is.EqualTo(digits.Labels));
    }
}
