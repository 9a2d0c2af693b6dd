using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class LatentSpaceTests
{
    private Vae _vae = null!;

    [SetUp]
    public void CreateModel()
    {
        torch.manual_seed(5);
        _vae = new Vae(new VaeConfig { HiddenSize = 32, LatentSize = 4 });
    }

    [Test]
    public void Sampling_decodes_n_draws_from_the_prior_and_repeats_with_the_same_generator()
    {
        var a = _vae.Sample(6, new Generator(42));
        var b = _vae.Sample(6, new Generator(42));
        Assert.That(a.shape, Is.EqualTo(new long[] { 6, 784 }));
        Assert.That(a.requires_grad, Is.False);
        Assert.That(Values(a), Is.EqualTo(Values(b)));
    }

    [Test]
    public void Interpolation_starts_and_ends_at_the_two_images_means()
    {
        var from = torch.rand(784);
        var to = torch.rand(784);
        var steps = _vae.Interpolate(from, to, steps: 5);
        Assert.That(steps.shape, Is.EqualTo(new long[] { 5, 784 }));
        Assert.That(Values(steps[0]), Is.EqualTo(Values(_vae.Decode(_vae.Encode(from.reshape(1, 784)).mu)[0])).Within(1e-6));
        Assert.That(Values(steps[4]), Is.EqualTo(Values(_vae.Decode(_vae.Encode(to.reshape(1, 784)).mu)[0])).Within(1e-6));
    }

    [Test]
    public void Class_direction_is_the_difference_of_the_class_means_of_mu()
    {
        var images = torch.rand(6, 784);
        var labels = torch.tensor(new long[] { 1, 2, 1, 0, 2, 1 });
        var direction = _vae.ClassDirection(images, labels, classA: 1, classB: 2);

        var mu = Values(_vae.Encode(images).mu); // (6, 4) row-major
        var expected = Enumerable.Range(0, 4).Select(j =>
            (mu[0 * 4 + j] + mu[2 * 4 + j] + mu[5 * 4 + j]) / 3 - (mu[1 * 4 + j] + mu[4 * 4 + j]) / 2).ToArray();
        Assert.That(direction.shape, Is.EqualTo(new long[] { 4 }));
        Assert.That(Values(direction), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void Class_direction_names_a_class_that_has_no_images()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            _vae.ClassDirection(torch.rand(2, 784), torch.tensor(new long[] { 0, 1 }), classA: 0, classB: 7));
        Assert.That(e!.Message, Does.Contain("Klasse 7"));
    }

    [Test]
    public void Walking_along_a_direction_moves_the_code_in_even_steps()
    {
        var image = torch.rand(784);
        var direction = torch.tensor(new[] { 1f, 0f, -2f, 0.5f });
        var walk = _vae.Walk(image, direction, steps: 3, scale: 2.0);
        var mu = _vae.Encode(image.reshape(1, 784)).mu;
        Assert.That(walk.shape, Is.EqualTo(new long[] { 3, 784 }));
        Assert.That(Values(walk[0]), Is.EqualTo(Values(_vae.Decode(mu)[0])).Within(1e-6));
        Assert.That(Values(walk[2]), Is.EqualTo(Values(_vae.Decode(mu + 2 * direction.reshape(1, 4))[0])).Within(1e-6));
    }

    private static float[] Values(Tensor t) => t.data<float>().ToArray();
}
