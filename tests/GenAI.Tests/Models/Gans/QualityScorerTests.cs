using GenAI.Models.Quality;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Gans;

public class QualityScorerTests
{
    [Test]
    public void Real_test_images_score_high_and_noise_scores_low()
    {
        var scorer = QualityScorer.Load();
        Assert.That(scorer.TestAccuracy, Is.GreaterThan(0.75), $"{scorer.Dataset} classifier");
        var real = scorer.ReferenceScore;
        Assert.That(real.InceptionScore, Is.GreaterThan(5), real.ToString());
        Assert.That(real.FrechetDistance, Is.LessThan(1e-6), "the reference against itself");
        torch.manual_seed(1);
        var noise = scorer.Score(torch.rand(500, 1, 28, 28));
        Assert.That(noise.InceptionScore, Is.LessThan(2.5), noise.ToString());
        var other = GenAI.Data.ImageDatasets.Load(scorer.Dataset, train: true, take: 1000).ToTensors().Images;
        var heldOut = scorer.Score(other);
        Assert.That(heldOut.InceptionScore, Is.GreaterThan(5), heldOut.ToString());
        Assert.That(noise.FrechetDistance, Is.GreaterThan(10 * heldOut.FrechetDistance), $"{noise} vs {heldOut}");
        // One class only: confident but not diverse, so far below the ten-class reference (> 5). A perfectly
        // sure classifier would give 1; Fashion-MNIST's stays below 1.6, the classifier of the fallback digits
        // (upscaled 8×8 digits, used on a machine without Fashion-MNIST) measured 1.79.
        var oneClass = GenAI.Data.ImageDatasets.Load(scorer.Dataset, train: false).Where(1).Take(300).ToTensors().Images;
        Assert.That(scorer.Score(oneClass).InceptionScore, Is.LessThan(2.0));
    }

    [Test]
    public void The_Frechet_distance_of_two_gaussians_matches_the_closed_form()
    {
        // Diagonal covariances: d² = ‖μ₁−μ₂‖² + Σ (√a − √b)².
        var m1 = torch.tensor(new[] { 0.0, 1.0 });
        var m2 = torch.tensor(new[] { 3.0, 1.0 });
        var c1 = torch.diag(torch.tensor(new[] { 4.0, 1.0 }));
        var c2 = torch.diag(torch.tensor(new[] { 1.0, 9.0 }));
        Assert.That(QualityScorer.Frechet(m1, c1, m2, c2), Is.EqualTo(9 + 1 + 4).Within(1e-9));
        Assert.That(QualityScorer.Frechet(m1, c1, m1, c1), Is.EqualTo(0).Within(1e-9));
    }

    [Test]
    public void Training_the_classifier_twice_with_its_seed_gives_the_same_weights()
    {
        var digits = GenAI.Data.Digits.Load(train: true);
        var config = new QualityClassifierConfig { Dataset = "digits", TrainImages = 300, Epochs = 1 };
        var a = QualityScorer.Train(config, digits);
        var b = QualityScorer.Train(config, digits);
        var x = digits.Take(5).ToTensors().Images;
        using var noGrad = torch.no_grad();
        Assert.That(b.forward(x).data<float>().ToArray(), Is.EqualTo(a.forward(x).data<float>().ToArray()));
    }

    [Test]
    public void The_classifier_is_the_same_whatever_thread_count_the_caller_runs_with()
    {
        var digits = GenAI.Data.Digits.Load(train: true);
        var config = new QualityClassifierConfig { Dataset = "digits", TrainImages = 300, Epochs = 1 };
        int threads = torch.get_num_threads();
        try
        {
            torch.set_num_threads(1);
            var one = QualityScorer.Train(config, digits);
            torch.set_num_threads(2);
            var two = QualityScorer.Train(config, digits);
            Assert.That(torch.get_num_threads(), Is.EqualTo(2), "the caller's thread count is restored");
            var x = digits.Take(5).ToTensors().Images;
            using var noGrad = torch.no_grad();
            Assert.That(two.forward(x).data<float>().ToArray(), Is.EqualTo(one.forward(x).data<float>().ToArray()));
        }
        finally { torch.set_num_threads(threads); }
    }
}
