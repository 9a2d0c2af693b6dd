using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class ConvVaeTests
{
    [SetUp]
    public void Seed() => torch.manual_seed(13);

    [Test]
    public void ConvVae_accepts_image_or_flat_input_and_reconstructs_28_by_28_images()
    {
        var model = new ConvVae();
        var images = torch.rand(3, 1, 28, 28);
        var (fromImages, mu, logvar) = model.forward(images);
        Assert.That(fromImages.shape, Is.EqualTo(new long[] { 3, 1, 28, 28 }));
        Assert.That(mu.shape, Is.EqualTo(new long[] { 3, 16 }));
        Assert.That(logvar.shape, Is.EqualTo(new long[] { 3, 16 }));
        var (fromFlat, _, _) = model.forward(images.reshape(3, 784));
        Assert.That(fromFlat.shape, Is.EqualTo(new long[] { 3, 1, 28, 28 }));
        Assert.That(model.Loss(images).Total.shape, Is.Empty, "the loss is a scalar");
    }

    [Test]
    public void ConvVae_rejects_an_image_size_that_two_halvings_cannot_handle()
    {
        var e = Assert.Throws<ArgumentException>(() => new ConvVae(new ConvVaeConfig { ImageSize = 30 }));
        Assert.That(e!.Message, Does.Contain("durch 4 teilbar"));
    }

    [Test]
    public void A_reloaded_conv_vae_encodes_and_decodes_exactly_like_the_saved_one()
    {
        var dir = Path.Combine(Path.GetTempPath(), "genai-convvae-" + Guid.NewGuid().ToString("N"));
        try
        {
            var conv = new ConvVae();
            var path = Path.Combine(dir, "conv.safetensors");
            conv.Save(path);
            var loaded = ConvVae.Load(path);
            var x = torch.rand(2, 784);
            Assert.That(Values(loaded.Encode(x).mu), Is.EqualTo(Values(conv.Encode(x).mu)));
            var z = torch.randn(2, 16);
            Assert.That(Values(loaded.Decode(z)), Is.EqualTo(Values(conv.Decode(z))));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Two_epochs_on_the_digits_cut_the_conv_vae_validation_loss_by_at_least_a_fifth()
    {
        var train = GenAI.Data.Digits.Load(train: true);
        var test = GenAI.Data.Digits.Load(train: false);
        var trainLoader = utils.data.DataLoader(utils.data.TensorDataset(torch.tensor(train.Pixels, train.Count, 1, 28, 28)), 64, shuffle: true, seed: 1);
        var testLoader = utils.data.DataLoader(utils.data.TensorDataset(torch.tensor(test.Pixels, test.Count, 1, 28, 28)), 360);
        var trainer = Trainer.For(new ConvVae());
        double before = trainer.Evaluate(testLoader);
        double after = trainer.Fit(trainLoader, epochs: 2, validation: testLoader).Last!.ValidationLoss!.Value;
        Assert.That(after, Is.LessThan(0.8 * before), $"{before:0.0} → {after:0.0}");
    }

    private static float[] Values(Tensor t) => t.data<float>().ToArray();
}
