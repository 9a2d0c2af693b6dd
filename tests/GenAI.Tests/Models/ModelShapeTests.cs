using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class ModelShapeTests
{
    [SetUp]
    public void Seed() => torch.manual_seed(7);

    [TestCase(2)]
    [TestCase(10)]
    public void Autoencoder_maps_images_through_a_latent_code_of_the_configured_size(int latent)
    {
        var model = new Autoencoder(new AutoencoderConfig { LatentSize = latent });
        var x = torch.rand(5, 784);
        Assert.That(model.Encode(x).shape, Is.EqualTo(new long[] { 5, latent }));
        Assert.That(model.forward(x).shape, Is.EqualTo(new long[] { 5, 784 }));
        Assert.That(model.Decode(torch.randn(3, latent)).shape, Is.EqualTo(new long[] { 3, 784 }));
        // 784-128-64-latent and back: weights plus biases of six linear layers.
        long expected = Dense(784, 128) + Dense(128, 64) + Dense(64, latent) + Dense(latent, 64) + Dense(64, 128) + Dense(128, 784);
        Assert.That(model.parameters().Sum(p => p.numel()), Is.EqualTo(expected));
    }

    [TestCase(20)]
    [TestCase(2)]
    public void Vae_returns_reconstruction_mu_and_logvar_with_the_right_shapes(int latent)
    {
        var model = new Vae(new VaeConfig { LatentSize = latent });
        var (reconstruction, mu, logvar) = model.forward(torch.rand(4, 784));
        Assert.That(reconstruction.shape, Is.EqualTo(new long[] { 4, 784 }));
        Assert.That(mu.shape, Is.EqualTo(new long[] { 4, latent }));
        Assert.That(logvar.shape, Is.EqualTo(new long[] { 4, latent }));
        var pixels = reconstruction.data<float>().ToArray();
        Assert.That(pixels.All(p => p > 0 && p < 1), "sigmoid output lies in (0, 1)");
        long expected = Dense(784, 400) + 2 * Dense(400, latent) + Dense(latent, 400) + Dense(400, 784);
        Assert.That(model.parameters().Sum(p => p.numel()), Is.EqualTo(expected));
    }

    [Test]
    public void Vae_state_dict_uses_the_layer_names_a_pytorch_port_would_use()
    {
        var names = new Vae().state_dict().Keys.Order(StringComparer.Ordinal).ToArray();
        Assert.That(names, Is.EqualTo(new[]
        {
            "fc1.bias", "fc1.weight", "fc3.bias", "fc3.weight", "fc4.bias", "fc4.weight",
            "fc_logvar.bias", "fc_logvar.weight", "fc_mu.bias", "fc_mu.weight",
        }));
    }



    [Test]
    public void ConditionalVae_joins_the_label_to_encoder_and_decoder()
    {
        var model = new ConditionalVae();
        var labels = torch.tensor(new long[] { 0, 3, 9, 3 });
        var (reconstruction, mu, logvar) = model.forward(torch.rand(4, 784), labels);
        Assert.That(reconstruction.shape, Is.EqualTo(new long[] { 4, 784 }));
        Assert.That(mu.shape, Is.EqualTo(new long[] { 4, 8 }));
        Assert.That(logvar.shape, Is.EqualTo(new long[] { 4, 8 }));
        Assert.That(model.Sample(label: 7, n: 5).shape, Is.EqualTo(new long[] { 5, 784 }));

        // The same z decodes to different images for different labels: the label reaches the decoder.
        var z = torch.randn(1, 8);
        var kleid = model.Decode(z, torch.tensor(new long[] { 3 })).data<float>().ToArray();
        var hose = model.Decode(z, torch.tensor(new long[] { 1 })).data<float>().ToArray();
        Assert.That(kleid.Zip(hose).Max(p => Math.Abs(p.First - p.Second)), Is.GreaterThan(1e-4));
    }

    [Test]
    public void ConditionalVae_names_the_problem_when_labels_are_not_integers_or_out_of_range()
    {
        var model = new ConditionalVae();
        var e = Assert.Throws<ArgumentException>(() => model.forward(torch.rand(2, 784), torch.zeros(2)));
        Assert.That(e!.Message, Does.Contain("int64"));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Sample(label: 10));
    }

    private static long Dense(long inputs, long outputs) => inputs * outputs + outputs;
}
