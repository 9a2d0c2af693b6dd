using GenAI.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Quality;

/// <summary>
/// Scores generated 28 × 28 images with a small classifier the library trains itself (seeded, so every
/// machine gets the same one) and caches under the user's cache folder (<c>~/.cache/genai/models</c>,
/// <c>GENAI_CACHE_DIR</c> overrides). Inception-Score and FID need Inception-v3 and ImageNet; this is the
/// same idea sized for Fashion-MNIST on a CPU, so its numbers are comparable only with each other.
/// <code>
/// var scorer = QualityScorer.Load();           // trains ~30 s the first time, then loads
/// QualityScore s = scorer.Score(samples);      // samples (N, 1, 28, 28) in [0, 1]
/// </code>
/// </summary>
public sealed class QualityScorer
{
    /// <summary>Real test images the Fréchet distance compares against.</summary>
    public const int ReferenceImages = 2000;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, QualityScorer> Loaded = [];
    private readonly Tensor _refMean;   // (F)
    private readonly Tensor _refCov;    // (F, F)

    private QualityScorer(QualityClassifier classifier, ImageDataset test)
    {
        Classifier = classifier;
        classifier.eval();
        var (images, labels) = test.Take(Math.Min(ReferenceImages, test.Count)).ToTensors();
        using var noGrad = torch.no_grad();
        var logits = classifier.forward(images);
        TestAccuracy = logits.argmax(1).eq(labels).to_type(ScalarType.Float64).mean().item<double>();
        var f = classifier.Features(images).to_type(ScalarType.Float64);
        (_refMean, _refCov) = Moments(f);
        _refMean = _refMean.DetachFromDisposeScope();
        _refCov = _refCov.DetachFromDisposeScope();
        ReferenceScore = Score(images);
    }

    /// <summary>The classifier (eval mode).</summary>
    public QualityClassifier Classifier { get; }

    /// <summary>Dataset the classifier was trained on.</summary>
    public string Dataset => Classifier.Config.Dataset;

    /// <summary>Share of the first <see cref="ReferenceImages"/> test images it classifies correctly.</summary>
    public double TestAccuracy { get; }

    /// <summary>The score of the real reference images themselves (the ceiling a generator aims for).</summary>
    public QualityScore ReferenceScore { get; }

    /// <summary>Where the classifier for <paramref name="config"/> is cached.</summary>
    public static string CachePath(QualityClassifierConfig config) =>
        Path.Combine(DataFileResolver.DefaultCacheDirectory(), "models",
            $"quality-{config.Dataset}-f{config.Features}-n{config.TrainImages}-e{config.Epochs}-s{config.Seed}-t1.safetensors");

    /// <summary>
    /// The scorer for Fashion-MNIST (or the embedded digits when Fashion-MNIST is unavailable and
    /// <paramref name="fallbackToDigits"/> is set): loaded from the cache, or trained and cached.
    /// </summary>
    public static QualityScorer Load(string dataset = "fashion-mnist", bool fallbackToDigits = true)
    {
        lock (Gate)
        {
            ImageDataset train, test;
            try
            {
                train = ImageDatasets.Load(dataset, train: true);
                test = ImageDatasets.Load(dataset, train: false);
            }
            catch (DataUnavailableException) when (fallbackToDigits)
            {
                dataset = "digits";
                train = ImageDatasets.Load(dataset, train: true);
                test = ImageDatasets.Load(dataset, train: false);
            }
            if (Loaded.TryGetValue(dataset, out var cached)) return cached;
            var config = new QualityClassifierConfig { Dataset = dataset, TrainImages = Math.Min(20000, train.Count), Epochs = train.Count < 5000 ? 10 : 2 };
            var path = CachePath(config);
            QualityClassifier classifier;
            if (File.Exists(path) && File.Exists(Checkpoint.ConfigPath(path)))
                classifier = Checkpoint.Load(path, (QualityClassifierConfig c) => new QualityClassifier(c));
            else
            {
                classifier = Train(config, train);
                Checkpoint.Save(classifier, config, path);   // temp file + rename: never half-written
            }
            var scorer = new QualityScorer(classifier, test);
            Loaded[dataset] = scorer;
            return scorer;
        }
    }

    /// <summary>
    /// Trains a classifier reproducibly (seeded init and shuffling, Adam 10⁻³, batch 64) on one thread: libtorch's
    /// parallel reductions sum in another order with more threads, and over two epochs that moved the test accuracy
    /// from 85,2 % to 85,4 % (measured), so the scores in a chapter depended on which process filled the cache.
    /// </summary>
    public static QualityClassifier Train(QualityClassifierConfig config, ImageDataset train)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(train);
        int threads = torch.get_num_threads();
        torch.set_num_threads(1);
        try { return TrainSingleThreaded(config, train); }
        finally { torch.set_num_threads(threads); }
    }

    private static QualityClassifier TrainSingleThreaded(QualityClassifierConfig config, ImageDataset train)
    {
        torch.manual_seed(config.Seed);
        var model = new QualityClassifier(config);
        var (x, y) = train.Take(Math.Min(config.TrainImages, train.Count)).ToTensors();
        using var shuffle = new Generator((ulong)config.Seed);
        var loader = new TensorLoader(64, shuffle: true, dropLast: false, generator: shuffle, x, y);
        var opt = optim.Adam(model.parameters(), 1e-3);
        model.train();
        for (int epoch = 0; epoch < config.Epochs; epoch++)
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch[0]), batch[1]);
                opt.zero_grad();
                loss.backward();
                opt.step();
            }
        model.eval();
        return model;
    }

    /// <summary>Class probabilities (N, 10) of images (N, 1, 28, 28) or (N, 784) in [0, 1].</summary>
    public Tensor Probabilities(Tensor images)
    {
        CheckImages(images);
        using var noGrad = torch.no_grad();
        return torch.softmax(Classifier.forward(images), 1);
    }

    /// <summary>Inception-Score analogue, Fréchet distance to real test images, mean confidence and class shares.</summary>
    public QualityScore Score(Tensor images)
    {
        CheckImages(images);
        if (images.shape[0] < 2) throw new ArgumentException("Für Kovarianzen braucht es mindestens 2 Bilder.", nameof(images));
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var x = images.to_type(ScalarType.Float32);
        var p = torch.softmax(Classifier.forward(x), 1).to_type(ScalarType.Float64);   // (N, 10) p(y|x)
        var py = p.mean([0], keepdim: true);                                              // (1, 10) p(y)
        const double eps = 1e-12;
        var kl = (p * ((p + eps).log() - (py + eps).log())).sum(1);                      // (N) KL(p(y|x) ‖ p(y))
        double inception = Math.Exp(kl.mean().item<double>());
        double confidence = p.max(1).values.mean().item<double>();
        var shares = torch.bincount(p.argmax(1), minlength: Classifier.Config.Classes).to_type(ScalarType.Float64) / p.shape[0];
        var (mean, cov) = Moments(Classifier.Features(x).to_type(ScalarType.Float64));
        double fd = Frechet(mean, cov, _refMean, _refCov);
        return new QualityScore(inception, fd, confidence, (int)images.shape[0], shares.data<double>().ToArray());
    }

    /// <summary>
    /// d² = ‖μ₁ − μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr (Σ₁^½ Σ₂ Σ₁^½)^½ (Fréchet distance of two Gaussians;
    /// the last trace equals tr (Σ₁Σ₂)^½, computed from a symmetric matrix so eigh suffices).
    /// </summary>
    public static double Frechet(Tensor mean1, Tensor cov1, Tensor mean2, Tensor cov2)
    {
        using var scope = torch.NewDisposeScope();
        var sqrt1 = SqrtPsd(cov1);                                           // (F, F)
        var m = torch.matmul(torch.matmul(sqrt1, cov2), sqrt1);              // (F, F), symmetric PSD
        var root = torch.linalg.eigvalsh((m + m.T) / 2).clamp_min(0).sqrt().sum();
        var d = (mean1 - mean2).pow(2).sum() + cov1.trace() + cov2.trace() - 2 * root;
        return Math.Max(0, d.item<double>());
    }

    private static Tensor SqrtPsd(Tensor a)
    {
        var (values, vectors) = torch.linalg.eigh((a + a.T) / 2);            // a = V diag(λ) Vᵀ
        return torch.matmul(vectors * values.clamp_min(0).sqrt().unsqueeze(0), vectors.T);
    }

    private static (Tensor Mean, Tensor Cov) Moments(Tensor f)
    {
        var mean = f.mean([0]);                                              // (F)
        var centred = f - mean;                                              // (N, F)
        var cov = torch.matmul(centred.T, centred) / (f.shape[0] - 1);       // (F, F)
        return (mean.MoveToOuterDisposeScope(), cov.MoveToOuterDisposeScope());
    }

    private static void CheckImages(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.numel() == 0 || images.numel() % 784 != 0 || images.numel() / images.shape[0] != 784)
            throw new ArgumentException($"Erwartet Bilder (N, 1, 28, 28) oder (N, 784), bekommen [{string.Join(", ", images.shape)}].", nameof(images));
    }
}
