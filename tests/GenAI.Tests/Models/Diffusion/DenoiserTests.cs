using GenAI.Models.Diffusion;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Diffusion;

public class DenoiserTests
{
    private static UNet TinyUNet(int classes) => new(new UNetConfig { Channels = 8, Groups = 4, Embedding = 16, Classes = classes });

    [TestCase(0)]
    [TestCase(10)]
    public void UNet_predicts_noise_of_the_same_shape_as_its_input(int classes)
    {
        torch.manual_seed(1);
        var net = TinyUNet(classes);
        var x = torch.randn(3, 1, 28, 28);
        var labels = classes > 0 ? torch.tensor(new long[] { 0, 5, 10 }) : null;   // 10 = the null label ∅
        Assert.That(net.PredictNoise(x, torch.tensor(new long[] { 0, 500, 999 }), labels).shape, Is.EqualTo(x.shape));
    }

    [Test]
    public void A_fresh_unet_has_finite_parameters_and_unit_group_norms()
    {
        // TorchSharp 0.107's nn.GroupNorm leaves scale and shift uninitialised; ours start at 1 and 0 as in PyTorch.
        var net = TinyUNet(10);
        foreach (var (name, p) in net.named_parameters())
            Assert.That(p.isfinite().all().item<bool>(), Is.True, name);
        var norm = net.named_parameters().Where(p => p.name.Contains("norm")).ToList();
        Assert.That(norm, Is.Not.Empty);
        foreach (var (name, p) in norm)
            Assert.That(p.eq(name.EndsWith("weight") ? 1 : 0).all().item<bool>(), Is.True, name);
    }

    [Test]
    public void UNet_time_and_class_change_the_prediction()
    {
        torch.manual_seed(2);
        var net = TinyUNet(10);
        net.eval();
        var x = torch.randn(1, 1, 28, 28);
        Tensor P(long t, long y) => net.PredictNoise(x, torch.tensor(new[] { t }), torch.tensor(new[] { y }));
        Assert.That((P(10, 3) - P(900, 3)).abs().max().item<float>(), Is.GreaterThan(1e-4f), "time embedding reaches the output");
        Assert.That((P(10, 3) - P(10, 7)).abs().max().item<float>(), Is.GreaterThan(1e-4f), "class embedding reaches the output");
    }

    [Test]
    public void Mlp_denoiser_maps_points_to_noise_of_the_same_shape()
    {
        var net = new MlpDenoiser(new MlpDenoiserConfig { Hidden = 16 });
        Assert.That(net.PredictNoise(torch.randn(5, 2), torch.arange(5)).shape, Is.EqualTo(new long[] { 5, 2 }));
        Assert.Throws<ArgumentException>(() => net.PredictNoise(torch.randn(5, 3), torch.arange(5)));
    }

    [Test]
    public void Guidance_weight_zero_is_the_conditional_model_and_larger_weights_extrapolate_away_from_the_null_label()
    {
        torch.manual_seed(3);
        var net = TinyUNet(10);
        net.eval();
        var x = torch.randn(2, 1, 28, 28);
        var t = torch.tensor(new long[] { 100, 700 });
        var y = torch.tensor(new long[] { 1, 8 });
        var conditional = net.PredictNoise(x, t, y);
        var unconditional = net.PredictNoise(x, t, torch.full([2], 10L));
        Assert.That(ClassifierFreeGuidance.PredictNoise(net, x, t, y, 0).allclose(conditional), Is.True);
        var guided = ClassifierFreeGuidance.PredictNoise(net, x, t, y, 2);
        Assert.That(guided.allclose(3 * conditional - 2 * unconditional, rtol: 1e-4, atol: 1e-5), Is.True, "ε̃ = (1 + w) ε(x, y) − w ε(x, ∅)");
    }

    [Test]
    public void A_reloaded_unet_predicts_exactly_like_the_saved_one()
    {
        var dir = Path.Combine(Path.GetTempPath(), "genai-unet-" + Guid.NewGuid().ToString("N"));
        try
        {
            torch.manual_seed(4);
            var net = TinyUNet(10);
            var path = Path.Combine(dir, "unet.safetensors");
            net.Save(path);
            var loaded = UNet.Load(path);
            Assert.That(loaded.Config, Is.EqualTo(net.Config));
            net.eval(); loaded.eval();
            var x = torch.randn(2, 1, 28, 28);
            var t = torch.tensor(new long[] { 3, 600 });
            var y = torch.tensor(new long[] { 2, 10 });
            Assert.That(loaded.PredictNoise(x, t, y).data<float>().ToArray(), Is.EqualTo(net.PredictNoise(x, t, y).data<float>().ToArray()));

            var mlp = new MlpDenoiser(new MlpDenoiserConfig { Hidden = 16 });
            var mlpPath = Path.Combine(dir, "mlp.safetensors");
            mlp.Save(mlpPath);
            var points = torch.randn(4, 2);
            Assert.That(MlpDenoiser.Load(mlpPath).PredictNoise(points, torch.arange(4)).data<float>().ToArray(),
                Is.EqualTo(mlp.PredictNoise(points, torch.arange(4)).data<float>().ToArray()));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
