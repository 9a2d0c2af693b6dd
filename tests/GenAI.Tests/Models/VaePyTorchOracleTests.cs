using System.Text.Json;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

/// <summary>
/// The VAE's training step against PyTorch: <c>reference/vae_steps.json</c> (written by
/// <c>reference/make_vae_steps.py</c> with PyTorch 1.13) holds initial weights, images, the noise of each
/// step, the loss parts of three Adam steps and the weights after them.
/// </summary>
public class VaePyTorchOracleTests
{
    [Test]
    public void Three_adam_steps_on_the_vae_match_pytorch_to_float_precision()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ReferenceFile("vae_steps.json")));
        var doc = json.RootElement;
        int d = doc.GetProperty("input").GetInt32(), h = doc.GetProperty("hidden").GetInt32();
        int l = doc.GetProperty("latent").GetInt32(), n = doc.GetProperty("batch").GetInt32();
        var vae = new Vae(new VaeConfig { InputSize = d, HiddenSize = h, LatentSize = l });
        var shapes = vae.state_dict().ToDictionary(e => e.Key, e => e.Value.shape);
        vae.load_state_dict(shapes.ToDictionary(e => e.Key, e => torch.tensor(Floats(doc.GetProperty("init").GetProperty(e.Key)), e.Value)));
        var x = torch.tensor(Floats(doc.GetProperty("x")), n, d);
        var adam = optim.Adam(vae.parameters(), lr: 1e-3);

        foreach (var step in doc.GetProperty("steps").EnumerateArray())
        {
            var eps = torch.tensor(Floats(step.GetProperty("eps")), n, l);
            var (mu, logvar) = vae.Encode(x);
            var loss = VaeLoss.Compute(vae.Decode(Vae.Reparameterize(mu, logvar, eps)), x, mu, logvar);
            adam.zero_grad();
            loss.Total.backward();
            adam.step();
            double recon = step.GetProperty("reconstruction").GetDouble(), kl = step.GetProperty("kl").GetDouble();
            Assert.That(loss.Reconstruction.item<float>(), Is.EqualTo(recon).Within(1e-5 * recon));
            Assert.That(loss.Kl.item<float>(), Is.EqualTo(kl).Within(1e-4 * kl + 1e-6));
        }
        foreach (var (name, value) in vae.state_dict())
            Assert.That(value.data<float>().ToArray(), Is.EqualTo(Floats(doc.GetProperty("final").GetProperty(name))).Within(1e-6), name);
    }

    private static float[] Floats(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetSingle())];

    private static string ReferenceFile(string name)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "GenAI.Tests", "Models", "reference", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{name} not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
