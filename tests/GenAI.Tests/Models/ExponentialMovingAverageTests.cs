using GenAI.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class ExponentialMovingAverageTests
{
    [Test]
    public void The_average_follows_the_warmed_up_decay_over_the_parameter_trajectory()
    {
        var p = new Parameter(torch.tensor(new[] { 1f, -2f }));
        var ema = new ExponentialMovingAverage([p], decay: 0.5);
        // Oracle written out by hand: shadow_0 = θ_0; d_n = min(0.5, (1 + n) / (10 + n)) = 0.1, 2/11, 3/12 for n = 0, 1, 2.
        double[] shadow = [1, -2];
        float[][] trajectory = [[3f, 0f], [5f, 4f], [-1f, 2f]];
        for (int n = 0; n < trajectory.Length; n++)
        {
            using (torch.no_grad()) p.copy_(torch.tensor(trajectory[n]));
            double d = Math.Min(0.5, (1.0 + n) / (10.0 + n));
            Assert.That(ema.CurrentDecay, Is.EqualTo(d).Within(1e-12));
            ema.Update();
            for (int i = 0; i < 2; i++) shadow[i] = d * shadow[i] + (1 - d) * trajectory[n][i];
        }
        ema.CopyToParameters();
        Assert.That(p.data<float>().ToArray(), Is.EqualTo(shadow.Select(v => (float)v).ToArray()).Within(1e-6));
    }

    [Test]
    public void The_decay_reaches_its_target_after_warm_up_and_a_decay_of_one_is_refused()
    {
        var p = new Parameter(torch.zeros(3));
        var ema = new ExponentialMovingAverage([p], decay: 0.9);
        for (int n = 0; n < 100; n++) ema.Update();
        Assert.That(ema.CurrentDecay, Is.EqualTo(0.9));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialMovingAverage([p], decay: 1));
        Assert.That(error!.Message, Does.Contain("[0, 1)"));
    }
}
