using GenAI.Models.Gans;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Gans;

public class GanTests
{
    private static IEnumerable<GanConfig> Configs() =>
    [
        new GanConfig { Architecture = GanArchitecture.Mlp, Width = 32, LatentSize = 8 },
        new GanConfig { Architecture = GanArchitecture.Dcgan, Width = 8, LatentSize = 8 },
        new GanConfig { Architecture = GanArchitecture.Mlp, Width = 32, LatentSize = 8, Classes = 10 },
        new GanConfig { Architecture = GanArchitecture.Dcgan, Width = 8, LatentSize = 8, Classes = 10 },
    ];

    private static Tensor? Labels(GanConfig c, int n) => c.IsConditional ? torch.arange(n) % 10 : null;

    [TestCaseSource(nameof(Configs))]
    public void Generator_makes_28_by_28_images_and_discriminator_one_logit_each(GanConfig config)
    {
        torch.manual_seed(1);
        var gan = new Gan(config);
        var fake = gan.Generator(gan.Noise(5), Labels(config, 5));
        Assert.That(fake.shape, Is.EqualTo(new long[] { 5, 1, 28, 28 }));
        Assert.That(fake.abs().max().item<float>(), Is.LessThanOrEqualTo(1f), "tanh output");
        Assert.That(gan.Discriminator(fake, Labels(config, 5)).shape, Is.EqualTo(new long[] { 5 }));
        var samples = gan.Sample(4, seed: 3, labels: Labels(config, 4));
        Assert.That(samples.min().item<float>(), Is.GreaterThanOrEqualTo(0f));
        Assert.That(samples.max().item<float>(), Is.LessThanOrEqualTo(1f));
    }

    [TestCase(GanArchitecture.Mlp)]
    [TestCase(GanArchitecture.Dcgan)]
    public void A_fresh_conditional_discriminator_judges_an_image_the_same_whatever_its_label(GanArchitecture architecture)
    {
        torch.manual_seed(6);
        var gan = new Gan(new GanConfig { Architecture = architecture, Width = 16, LatentSize = 8, Classes = 10 });
        gan.eval();
        var x = torch.rand(1, 1, 28, 28).expand(10, 1, 28, 28) * 2 - 1;
        var logits = gan.Discriminator(x, torch.arange(10)).data<float>().ToArray();
        Assert.That(logits, Is.All.EqualTo(logits[0]).Within(1e-5), "the projection term starts at zero");
        Assert.That(Math.Abs(logits[0]), Is.LessThan(5), "an untrained D does not saturate");
    }

    [Test]
    public void A_conditional_gan_refuses_to_generate_without_labels()
    {
        var gan = new Gan(new GanConfig { Width = 16, Classes = 10 });
        var e = Assert.Throws<ArgumentException>(() => gan.Sample(2));
        Assert.That(e!.Message, Does.Contain("konditional"));
    }

    [TestCaseSource(nameof(Configs))]
    public void A_reloaded_gan_generates_and_judges_exactly_like_the_saved_one(GanConfig config)
    {
        var dir = Path.Combine(Path.GetTempPath(), "genai-gan-" + Guid.NewGuid().ToString("N"));
        try
        {
            torch.manual_seed(2);
            var gan = new Gan(config);
            // One training step so BatchNorm running statistics differ from their defaults.
            new GanTrainer(gan).Step(torch.rand(8, 1, 28, 28), Labels(config, 8));
            var path = Path.Combine(dir, "gan.safetensors");
            gan.Save(path);
            var loaded = Gan.Load(path);
            Assert.That(loaded.Sample(3, 7, Labels(config, 3)).data<float>().ToArray(),
                Is.EqualTo(gan.Sample(3, 7, Labels(config, 3)).data<float>().ToArray()));
            gan.eval(); loaded.eval();
            var x = torch.rand(3, 1, 28, 28);
            Assert.That(loaded.Discriminator(x, Labels(config, 3)).data<float>().ToArray(),
                Is.EqualTo(gan.Discriminator(x, Labels(config, 3)).data<float>().ToArray()));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Training_with_the_same_seed_twice_gives_the_same_losses_and_samples()
    {
        var data = GenAI.Data.Digits.Load(train: true).Take(256).ToTensors().Images;
        (double[] losses, float[] samples) Run()
        {
            torch.manual_seed(5);
            var gan = new Gan(new GanConfig { Architecture = GanArchitecture.Dcgan, Width = 8, LatentSize = 8 });
            var history = new GanTrainer(gan) { Seed = 5 }.Fit(data, epochs: 1, batchSize: 32);
            return ([.. history.Steps.Select(s => s.GeneratorLoss)], gan.Sample(4, seed: 1).data<float>().ToArray());
        }
        var (l1, s1) = Run();
        var (l2, s2) = Run();
        Assert.That(l1, Has.Length.EqualTo(8));
        Assert.That(l2, Is.EqualTo(l1));
        Assert.That(s2, Is.EqualTo(s1));
    }

    [Test]
    public void D_learns_to_tell_real_digits_from_an_untrained_generator_within_a_few_steps()
    {
        torch.manual_seed(3);
        var data = GenAI.Data.Digits.Load(train: true).Take(512).ToTensors().Images;
        var gan = new Gan(new GanConfig { Width = 64, LatentSize = 16 });
        var history = new GanTrainer(gan, learningRate: 1e-3) { Seed = 3 }.Fit(data, epochs: 1, batchSize: 64);
        var first = history.Steps[0];
        Assert.That(first.DReal, Is.EqualTo(0.5).Within(0.15), "an untrained D guesses");
        Assert.That(history.Steps.Count, Is.EqualTo(8));
        Assert.That(history.Steps.All(s => double.IsFinite(s.DiscriminatorLoss) && double.IsFinite(s.GeneratorLoss)));
        Assert.That(history.ToString().Split('\n')[0], Does.StartWith("Epoche | D-Verlust | G-Verlust"), "one table row per epoch");
    }

    [Test]
    public void History_charts_plot_the_moving_means_of_both_players_per_step()
    {
        torch.manual_seed(4);
        var data = GenAI.Data.Digits.Load(train: true).Take(256).ToTensors().Images;
        var gan = new Gan(new GanConfig { Width = 16, LatentSize = 8 });
        var history = new GanTrainer(gan) { Seed = 4 }.Fit(data, epochs: 1, batchSize: 32);
        var d = history.Steps.Select(s => s.DiscriminatorLoss).ToArray();
        var losses = GenAI.Tests.Plotting.ChartModel.Model(history.LossChart()).Traces.Cast<GenAI.Plotting.ScatterTrace>().ToArray();
        Assert.That(losses.Select(t => t.Name), Is.EqualTo(new[] { "Diskriminator", "Generator" }));
        Assert.That(losses[0].X, Is.EqualTo(Enumerable.Range(1, d.Length).Select(i => (double)i)));
        // With fewer steps than the 25-step window, the moving mean is the running mean.
        Assert.That(losses[0].Y[^1], Is.EqualTo(d.Average()).Within(1e-12));
        var scores = GenAI.Tests.Plotting.ChartModel.Model(history.ScoreChart()).Traces.Cast<GenAI.Plotting.ScatterTrace>().ToArray();
        Assert.That(scores.Select(t => t.Name), Is.EqualTo(new[] { "D(echt)", "D(G(z))" }));
        Assert.That(scores[1].Y[0], Is.EqualTo(history.Steps[0].DFake).Within(1e-12));
    }

    [Test]
    public void The_saturating_generator_loss_has_a_vanishing_gradient_where_D_rejects_the_fake()
    {
        // d/dl log(1 − σ(l)) = −σ(l) → 0 for l → −∞; d/dl −log σ(l) = σ(l) − 1 → −1.
        var logit = torch.tensor(new[] { -6f }, requires_grad: true);
        torch.log(1 - torch.sigmoid(logit)).sum().backward();
        var saturating = Math.Abs(logit.grad!.item<float>());
        var logit2 = torch.tensor(new[] { -6f }, requires_grad: true);
        (-torch.log(torch.sigmoid(logit2))).sum().backward();
        var nonSaturating = Math.Abs(logit2.grad!.item<float>());
        Assert.That(saturating, Is.LessThan(0.01));
        Assert.That(nonSaturating, Is.GreaterThan(0.99));
    }
}
