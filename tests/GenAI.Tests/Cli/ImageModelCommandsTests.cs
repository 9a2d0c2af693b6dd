using System.Buffers.Binary;
using System.CommandLine;
using GenAI.Cli.Commands;
using GenAI.Cli.Generative;
using GenAI.Data;
using TorchSharp;

namespace GenAI.Tests.Cli;

[NonParallelizable] // redirects Console.Out
public class ImageModelCommandsTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"genai-sample-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        try
        {
            Console.SetOut(o);
            Console.SetError(e);
            var root = new RootCommand { new TrainCommand().Build(), new SampleCommand().Build() };
            return (root.Parse(args).Invoke(), o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    private string TrainTinyGan()
    {
        var checkpoint = Path.Combine(_dir, "gan.safetensors");
        var (exit, output, error) = Run("train", "gan", "--images", "128", "--epochs", "1", "--out", checkpoint);
        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain($"checkpoint {checkpoint}"));
        return checkpoint;
    }

    [Test]
    public void Every_image_model_of_chapters_01_to_03_is_a_train_and_a_sample_subcommand()
    {
        var train = new TrainCommand().Build().Subcommands.Select(c => c.Name);
        var sample = new SampleCommand().Build().Subcommands.Select(c => c.Name);
        Assert.That(train, Is.SupersetOf(new[] { "gan", "dcgan", "cgan", "vae", "lstm", "diffusion" }));
        Assert.That(sample, Is.EquivalentTo(new[] { "gan", "dcgan", "cgan", "vae", "diffusion" }));
    }

    [Test]
    public void Sample_writes_an_idx3_ubyte_file_with_fashion_mnists_header_layout()
    {
        var checkpoint = TrainTinyGan();
        var file = Path.Combine(_dir, "samples-idx3-ubyte");
        var (exit, _, error) = Run("sample", "gan", "--checkpoint", checkpoint, "--count", "5", "--seed", "1", "--out", file);
        Assert.That(exit, Is.Zero, error);

        // The IDX header as LeCun's MNIST page defines it: 0x00000803 (unsigned byte, 3 dimensions), then N, 28, 28 big-endian.
        var bytes = File.ReadAllBytes(file);
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes), Is.EqualTo(0x0803));
        Assert.That(Enumerable.Range(1, 3).Select(i => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 * i))), Is.EqualTo(new[] { 5, 28, 28 }));
        Assert.That(bytes, Has.Length.EqualTo(16 + 5 * 28 * 28));
        var read = Idx.Read(file);
        Assert.That(read.Shape, Is.EqualTo(new[] { 5, 28, 28 }));
        Assert.That(read.Data.Distinct().Count(), Is.GreaterThan(10), "generated pixels are grey values, not a constant");
    }

    [Test]
    public void Sample_with_the_same_seed_writes_the_same_images_and_another_seed_other_images()
    {
        var checkpoint = TrainTinyGan();
        string Sample(string seed)
        {
            var file = Path.Combine(_dir, $"s{seed}-{Guid.NewGuid():N}");
            Assert.That(Run("sample", "gan", "--checkpoint", checkpoint, "--count", "3", "--seed", seed, "--out", file).Exit, Is.Zero);
            return Convert.ToHexString(File.ReadAllBytes(file));
        }
        Assert.That(Sample("4"), Is.EqualTo(Sample("4")));
        Assert.That(Sample("4"), Is.Not.EqualTo(Sample("5")));
    }

    [Test]
    public void Idx_pixels_are_0_for_background_and_255_for_full_intensity()
    {
        // Image 0 is all background (0.0), image 1 full intensity (1.0), image 2 half grey; values outside [0, 1] are clamped.
        var images = torch.stack([torch.zeros(1, 28, 28), torch.ones(1, 28, 28), torch.full([1, 28, 28], 0.5f), torch.full([1, 28, 28], 7f)]);
        var file = Path.Combine(_dir, "known-idx3-ubyte");
        GenerativeModels.WriteIdx(images, file);
        var data = Idx.Read(file).Data;
        Assert.That(data[..784], Is.All.EqualTo(0));
        Assert.That(data[784..1568], Is.All.EqualTo(255));
        Assert.That(data[1568..2352], Is.All.EqualTo(128));
        Assert.That(data[2352..], Is.All.EqualTo(255));
    }

    [Test]
    public void A_conditional_model_without_a_label_is_refused_with_the_option_to_add()
    {
        var (exit, _, error) = Run("sample", "cgan", "--count", "4", "--out", Path.Combine(_dir, "x"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--label K"));
        Assert.That(File.Exists(Path.Combine(_dir, "x")), Is.False);
    }

    [Test]
    public void A_missing_explicit_checkpoint_names_the_train_command_that_makes_it()
    {
        var missing = Path.Combine(_dir, "none.safetensors");
        var (exit, _, error) = Run("sample", "dcgan", "--checkpoint", missing, "--out", Path.Combine(_dir, "x"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain($"genai train dcgan --out {missing}"));
    }

    [Test]
    public void Conditional_gan_samples_the_label_it_was_given()
    {
        // A cGAN's generator sees the label: two labels with the same noise must give different images.
        var checkpoint = Path.Combine(_dir, "cgan.safetensors");
        Assert.That(Run("train", "cgan", "--images", "128", "--epochs", "1", "--out", checkpoint).Exit, Is.Zero);
        byte[] Sample(string label)
        {
            var file = Path.Combine(_dir, $"label{label}");
            Assert.That(Run("sample", "cgan", "--checkpoint", checkpoint, "--count", "2", "--seed", "9", "--label", label, "--out", file).Exit, Is.Zero);
            return File.ReadAllBytes(file);
        }
        Assert.That(Sample("3"), Is.Not.EqualTo(Sample("7")));
    }

    [Test]
    public void Diffusion_samples_in_the_given_ddim_steps_with_or_without_a_label_repeatably_under_its_ddpm_alias()
    {
        var checkpoint = Path.Combine(_dir, "diffusion.safetensors");
        var (exit, output, error) = Run("train", "ddpm", "--images", "64", "--epochs", "1", "--out", checkpoint);
        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain("diffusion: 1 steps"));
        byte[] Sample(params string[] extra)
        {
            var file = Path.Combine(_dir, $"d{Guid.NewGuid():N}");
            var r = Run([
                .. new[] { "sample", "diffusion", "--checkpoint", checkpoint, "--count", "2", "--seed", "3", "--steps", "4", "--out", file },
                .. extra]);
            Assert.That(r.Exit, Is.Zero, r.Error);
            return File.ReadAllBytes(file);
        }
        var unconditional = Sample();
        Assert.That(unconditional, Has.Length.EqualTo(16 + 2 * 28 * 28));
        Assert.That(Sample("--label", "5"), Is.EqualTo(Sample("--label", "5")));
        Assert.That(Sample("--label", "5"), Is.Not.EqualTo(unconditional));
        Assert.That(Run("sample", "diffusion", "--checkpoint", checkpoint, "--steps", "0", "--out", Path.Combine(_dir, "y")).Exit, Is.EqualTo(2));
    }

    [Test]
    public void Sampling_diffusion_without_a_cached_checkpoint_uses_the_shipped_weights_which_draw_the_asked_class()
    {
        if (!Directory.Exists(FashionMnist.DebianFolder))
            Assert.Ignore(
                $"Debian's dataset-fashion-mnist is not installed ({FashionMnist.DebianFolder}); the class check needs its scorer. .ci/run installs it.");
        var scorer = GenAI.Models.Quality.QualityScorer.Load();   // before the cache moves: it stays loaded
        var previous = Environment.GetEnvironmentVariable("GENAI_CACHE_DIR");
        Environment.SetEnvironmentVariable("GENAI_CACHE_DIR", _dir);   // an empty cache: no checkpoint, no training wanted
        try
        {
            var file = Path.Combine(_dir, "sneakers-idx3-ubyte");
            var (exit, output, error) = Run("sample", "ddpm", "--label", "7", "--count", "20", "--seed", "1", "--steps", "10", "--out", file);
            Assert.That(exit, Is.Zero, error);
            Assert.That(output, Does.Contain("mitgelieferten Gewichte").And.Not.Contain("trainiere"));
            Assert.That(GenerativeModels.CheckpointExists(Path.Combine(_dir, "models", "diffusion.safetensors")), Is.True);
            var idx = Idx.Read(file);                                                           // (20, 28, 28) bytes
            using var images = torch.tensor(idx.Data.Select(b => b / 255f).ToArray()).reshape(20, 1, 28, 28);
            double sneakers = scorer.Probabilities(images).argmax(1).eq(7).to_type(torch.ScalarType.Float64).mean().item<double>();
            // Chapter 03 measures 83 % hits over all ten classes at 10 steps (w = 2); sneakers are among the easy ones.
            Assert.That(sneakers, Is.GreaterThanOrEqualTo(0.8), "share of samples the chapter-02 classifier calls a sneaker");
        }
        finally
        {
            Environment.SetEnvironmentVariable("GENAI_CACHE_DIR", previous);
        }
    }
}
