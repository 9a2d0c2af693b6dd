using GenAI.Cli.Generative;
using GenAI.Models;
using TorchSharp;

namespace GenAI.Tests.Models.Diffusion;

public class PretrainedTests
{
    [Test]
    public void The_shipped_diffusion_unet_is_the_model_genai_train_diffusion_builds_and_predicts_finite_noise()
    {
        var unet = PretrainedModels.DiffusionUNet();
        Assert.That(unet.Config, Is.EqualTo(DiffusionModel.Config), "genai train diffusion reproduces these weights");
        unet.eval();
        using var noGrad = torch.no_grad();
        var eps = unet.PredictNoise(torch.randn(2, 1, 28, 28), torch.tensor(new long[] { 10, 900 }), torch.tensor(new long[] { 3, 10 }));
        Assert.That(eps.isfinite().all().item<bool>(), Is.True);
        var size = new FileInfo(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../lib/GenAI/Models/Pretrained/diffusion.safetensors"));
        if (size.Exists) Assert.That(size.Length, Is.LessThan(5_000_000), "DESIGN.md §6: shipped weights ≤ 5 MB");
    }
}
