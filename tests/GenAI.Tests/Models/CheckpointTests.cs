using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class CheckpointTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "genai-models-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        torch.manual_seed(11);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void A_reloaded_vae_encodes_and_decodes_exactly_like_the_saved_one()
    {
        var config = new VaeConfig { LatentSize = 2, HiddenSize = 32, Beta = 0.5, Reconstruction = ReconstructionLoss.MeanSquaredError };
        var original = new Vae(config);
        var path = Path.Combine(_dir, "vae.safetensors");
        original.Save(path);

        var loaded = Vae.Load(path);
        Assert.That(loaded.Config, Is.EqualTo(config));
        var x = torch.rand(6, 784);
        var z = torch.randn(6, 2);
        Assert.That(Values(loaded.Encode(x).mu), Is.EqualTo(Values(original.Encode(x).mu)));
        Assert.That(Values(loaded.Encode(x).logvar), Is.EqualTo(Values(original.Encode(x).logvar)));
        Assert.That(Values(loaded.Decode(z)), Is.EqualTo(Values(original.Decode(z))));
        Assert.That(File.Exists(Path.Combine(_dir, "vae.json")));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(2), "no temporary files left behind");
    }

    [Test]
    public void Every_model_reloads_to_identical_outputs()
    {
        var x = torch.rand(2, 784);
        var labels = torch.tensor(new long[] { 4, 8 });

        var ae = new Autoencoder(new AutoencoderConfig { LatentSize = 10 });
        ae.Save(Path.Combine(_dir, "ae.safetensors"));
        Assert.That(Values(Autoencoder.Load(Path.Combine(_dir, "ae.safetensors")).forward(x)), Is.EqualTo(Values(ae.forward(x))));

        var cvae = new ConditionalVae();
        cvae.Save(Path.Combine(_dir, "cvae.safetensors"));
        var cvaeLoaded = ConditionalVae.Load(Path.Combine(_dir, "cvae.safetensors"));
        var zc = torch.randn(2, 8);
        Assert.That(Values(cvaeLoaded.Decode(zc, labels)), Is.EqualTo(Values(cvae.Decode(zc, labels))));
    }

    [Test]
    public void Loading_a_checkpoint_as_the_wrong_model_names_the_right_one()
    {
        var path = Path.Combine(_dir, "ae.safetensors");
        new Autoencoder().Save(path);
        var e = Assert.Throws<InvalidDataException>(() => Vae.Load(path));
        Assert.That(e!.Message, Does.Contain("Autoencoder.Load"));
    }

    [Test]
    public void A_missing_config_file_is_named_in_the_error()
    {
        var path = Path.Combine(_dir, "vae.safetensors");
        new Vae().Save(path);
        File.Delete(Path.Combine(_dir, "vae.json"));
        var e = Assert.Throws<FileNotFoundException>(() => Vae.Load(path));
        Assert.That(e!.Message, Does.Contain("vae.json"));
    }

    [Test]
    public void Saving_over_an_existing_checkpoint_replaces_it_completely()
    {
        var path = Path.Combine(_dir, "vae.safetensors");
        new Vae(new VaeConfig { LatentSize = 2 }).Save(path);
        var second = new Vae(new VaeConfig { LatentSize = 3 });
        second.Save(path);
        var loaded = Vae.Load(path);
        Assert.That(loaded.LatentSize, Is.EqualTo(3));
        var z = torch.randn(1, 3);
        Assert.That(Values(loaded.Decode(z)), Is.EqualTo(Values(second.Decode(z))));
    }

    [Test]
    public void Weights_of_another_shape_are_refused_with_the_file_and_model_named()
    {
        var path = Path.Combine(_dir, "vae.safetensors");
        new Vae(new VaeConfig { LatentSize = 4 }).Save(path);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.LoadWeights(new Vae(new VaeConfig { LatentSize = 2 }), path));
        Assert.That(e!.Message, Does.Contain("vae.safetensors").And.Contain("Vae").And.Not.Contain("   at "));
    }

    private static float[] Values(Tensor t) => t.data<float>().ToArray();
}
