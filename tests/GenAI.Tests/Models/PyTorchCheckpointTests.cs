using System.Text.Json;
using GenAI.Models;
using GenAI.Tests.Kernel;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

/// <summary>
/// Checkpoints cross the language border both ways, checked by PyTorch itself (Debian's python3-torch):
/// a safetensors file GenAI writes is read by an independent parser and decodes identically in PyTorch,
/// and a state dict PyTorch saves with <c>torch.save</c> loads into the course's <see cref="Vae"/>.
/// </summary>
public class PyTorchCheckpointTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder()
    {
        PythonClients.Require("torch");
        _dir = Directory.CreateTempSubdirectory("genai-interop-").FullName;
    }

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void A_saved_vae_decodes_identically_in_pytorch()
    {
        torch.manual_seed(3);
        var vae = new Vae(new VaeConfig { LatentSize = 4 });
        var weights = Path.Combine(_dir, "vae.safetensors");
        vae.Save(weights);
        var (z, zPath) = Codes(4);

        var theirs = Decode(Python("decode-safetensors", weights, zPath));
        using var _ = torch.no_grad();
        var ours = vae.Decode(z).data<float>().ToArray();
        Assert.That(ours, Is.EqualTo(theirs).Within(1e-6));
    }

    [Test]
    public void A_saved_vae_loads_with_the_reference_safetensors_package_and_decodes_identically()
    {
        PythonClients.Require("torch", "safetensors");
        torch.manual_seed(4);
        var vae = new Vae(new VaeConfig { LatentSize = 3 });
        var weights = Path.Combine(_dir, "vae.safetensors");
        vae.Save(weights);
        var (z, zPath) = Codes(3);

        var theirs = Decode(Python("decode-safetensors-package", weights, zPath));
        using var _ = torch.no_grad();
        Assert.That(vae.Decode(z).data<float>().ToArray(), Is.EqualTo(theirs).Within(1e-6));
    }

    [Test]
    public void A_state_dict_saved_by_pytorch_loads_into_the_vae()
    {
        var stateDict = Path.Combine(_dir, "vae.pt");
        var (z, zPath) = Codes(20);
        var theirs = Decode(Python("save-state-dict", stateDict, zPath));

        var vae = new Vae();
        Checkpoint.LoadWeights(vae, stateDict);
        using var _ = torch.no_grad();
        Assert.That(vae.Decode(z).data<float>().ToArray(), Is.EqualTo(theirs).Within(1e-6));
    }

    [Test]
    public void A_state_dict_of_another_shape_is_refused_with_the_file_name()
    {
        var stateDict = Path.Combine(_dir, "vae.pt");
        var (_, zPath) = Codes(20);
        Python("save-state-dict", stateDict, zPath);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.LoadWeights(new Vae(new VaeConfig { LatentSize = 2 }), stateDict));
        Assert.That(e!.Message, Does.Contain("vae.pt").And.Contain("Vae").And.Not.Contain("   at "));
    }

    private (Tensor Z, string Path) Codes(int latent)
    {
        var values = Enumerable.Range(0, 3 * latent).Select(i => (float)Math.Sin(i)).ToArray();
        var path = Path.Combine(_dir, "z.json");
        File.WriteAllText(path, JsonSerializer.Serialize(values.Chunk(latent)));
        return (torch.tensor(values, 3, latent), path);
    }

    private static string Python(params string[] args)
    {
        var script = Path.Combine(TestContext.CurrentContext.TestDirectory, "Models", "reference", "torch_interop.py");
        var result = PythonClients.Run([script, .. args], TimeSpan.FromMinutes(2));
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        return result.Stdout;
    }

    private static float[] Decode(string json) =>
        [.. JsonSerializer.Deserialize<float[][]>(json)!.SelectMany(row => row)];
}
