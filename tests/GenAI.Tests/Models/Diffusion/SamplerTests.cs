using System.Diagnostics;
using GenAI.Data;
using GenAI.Models.Diffusion;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Diffusion;

public class SamplerTests
{
    private static float[] Values(Tensor t) => t.data<float>().ToArray();

    [Test]
    public void Ddpm_and_ddim_give_the_same_samples_for_the_same_seed_and_others_for_another()
    {
        torch.manual_seed(5);
        var net = new MlpDenoiser(new MlpDenoiserConfig { Hidden = 32 });
        var s = NoiseSchedule.Cosine(50);
        float[] Ddpm(long seed) => Values(DdpmSampler.Sample(net, s, new SamplingRequest([64, 2], seed)));
        float[] Ddim(long seed, double eta) => Values(DdimSampler.Sample(net, s, new SamplingRequest([64, 2], seed), steps: 10, eta: eta));
        Assert.That(Ddpm(7), Is.EqualTo(Ddpm(7)));
        Assert.That(Ddpm(7), Is.Not.EqualTo(Ddpm(8)));
        Assert.That(Ddim(7, 0), Is.EqualTo(Ddim(7, 0)));
        Assert.That(Ddim(7, 1), Is.EqualTo(Ddim(7, 1)), "η > 0 draws noise, from the same seeded generator");
        Assert.That(Ddim(7, 0), Is.Not.EqualTo(Ddim(8, 0)));
    }

    [Test]
    public void Guided_sampling_of_a_conditional_unet_is_repeatable_with_a_seed()
    {
        torch.manual_seed(6);
        var net = new UNet(new UNetConfig { Channels = 8, Groups = 4, Embedding = 16, Classes = 10 });
        var s = NoiseSchedule.Cosine(100);
        float[] Sample(long seed) => Values(DdimSampler.Sample(net, s,
            new SamplingRequest([2, 1, 28, 28], seed, torch.tensor(new long[] { 3, 3 }), Guidance: 2), steps: 5, clip: 1));
        Assert.That(Sample(1), Is.EqualTo(Sample(1)));
        Assert.That(Sample(1), Is.Not.EqualTo(Sample(2)));
    }

    /// <summary>
    /// The exact noise predictor when all data is one point x*: ε̂(x_t, t) = (x_t − √ᾱ_t x*)/√(1 − ᾱ_t), the ε that
    /// produced x_t from x* (Ho et al. eq. 4 solved for ε).
    /// </summary>
    private sealed class OnePointOracle(float[] point, NoiseSchedule schedule) : IDenoiser
    {
        public int Classes => 0;
        public IEnumerable<TorchSharp.Modules.Parameter> Parameters => [];
        public void SetTraining(bool training) { }
        public Tensor PredictNoise(Tensor x, Tensor t, Tensor? labels = null)
        {
            var target = torch.tensor(point).unsqueeze(0);                              // (1, D)
            var alphaBar = torch.tensor(schedule.AlphaBars, dtype: ScalarType.Float32).index_select(0, t).unsqueeze(1);   // (N, 1)
            return (x - alphaBar.sqrt() * target) / (1 - alphaBar).sqrt();
        }
    }

    [Test]
    public void With_the_exact_noise_predictor_of_one_data_point_both_samplers_land_on_that_point()
    {
        // DDPM's last step computes (x − β/√(1 − ᾱ) ε̂)/√α = x* exactly; DDIM (η = 0) predicts x̂_0 = x* at every step.
        var s = NoiseSchedule.Linear(200, scaleToSteps: true);
        var oracle = new OnePointOracle([0.5f, -0.25f], s);
        foreach (var samples in new[] {
                     DdpmSampler.Sample(oracle, s, new SamplingRequest([32, 2], 1)),
                     DdimSampler.Sample(oracle, s, new SamplingRequest([32, 2], 1), steps: 10) })
        {
            Assert.That(samples.select(1, 0).data<float>().ToArray(), Is.All.EqualTo(0.5f).Within(1e-3));
            Assert.That(samples.select(1, 1).data<float>().ToArray(), Is.All.EqualTo(-0.25f).Within(1e-3));
        }
    }

    [Test]
    public void A_denoiser_trained_a_few_seconds_on_two_moons_samples_points_on_the_moons()
    {
        torch.manual_seed(7);
        var data = TwoMoons.Points(4000, seed: 1);                                    // (N, 2)
        var net = new MlpDenoiser(new MlpDenoiserConfig { Hidden = 128, Layers = 3 });
        var schedule = NoiseSchedule.Cosine(100);
        var trainer = new DiffusionTrainer(net, schedule, learningRate: 2e-3) { Seed = 7 };
        var clock = Stopwatch.StartNew();
        trainer.Fit(data, epochs: 25, batchSize: 256);               // 400 steps
        var trained = clock.Elapsed;

        var reference = TwoMoons.Points(4000, seed: 2);                               // fresh points of the same world
        double Median(Tensor samples)
        {
            var d = torch.cdist(samples, reference).min(1).values;                   // (S) distance to the nearest data point
            return d.median().item<float>();
        }
        var samples = DdpmSampler.Sample(net, schedule, new SamplingRequest([1000, 2], Seed: 11));
        double trainedMedian = Median(samples);
        double noiseMedian = Median(torch.randn(1000, 2));                            // x_T itself, where sampling starts
        // Tolerance 0,05: half the moons' own noise σ = 0,1. Real points of the world have a median distance of
        // ≈ 0,02 to their nearest neighbour among 4.000 others; N(0, I) noise (x_T) has ≈ 0,15 and random points
        // in the moons' bounding box more. A sampler that lands within half a σ has learned where the moons are.
        Assert.That(Median(TwoMoons.Points(1000, seed: 3)), Is.LessThan(0.05), "the tolerance admits real data");
        Assert.That(noiseMedian, Is.GreaterThan(0.05), "the tolerance rejects the starting noise");
        Assert.That(trainedMedian, Is.LessThan(0.05), $"median distance to the moons, trained {trained.TotalSeconds:F1} s");
        TestContext.Out.WriteLine($"median distance: samples {trainedMedian:F4}, noise {noiseMedian:F4}; training {trained.TotalSeconds:F1} s");
    }
}
