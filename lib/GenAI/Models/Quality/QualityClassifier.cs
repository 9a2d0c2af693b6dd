using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Quality;

/// <summary>
/// The small CNN behind <see cref="QualityScorer"/>: (N, 1, 28, 28) → 64 features → 10 class logits.
/// Its 64 features play the role that Inception-v3's pool features play for FID (Heusel et al. 2017).
/// </summary>
public sealed class QualityClassifier : nn.Module<Tensor, Tensor>
{
    // (N, 1, 28, 28) → (N, 16, 14, 14) → (N, 32, 7, 7) → (N, 32·49) → (N, 64)
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> classes;

    /// <summary>Creates the classifier with freshly initialised weights.</summary>
    public QualityClassifier(QualityClassifierConfig? config = null) : base(nameof(QualityClassifier))
    {
        Config = config ?? new QualityClassifierConfig();
        features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * 7 * 7, Config.Features), nn.ReLU());
        classes = nn.Linear(Config.Features, Config.Classes);
        RegisterComponents();
    }

    /// <summary>The configuration (feature and class count, training data and seed).</summary>
    public QualityClassifierConfig Config { get; }

    /// <summary>Features (N, 64) of images (N, 1, 28, 28) or (N, 784) in [0, 1].</summary>
    public Tensor Features(Tensor x) => features.forward(x.reshape(x.shape[0], 1, 28, 28));

    /// <summary>Class logits (N, 10).</summary>
    public override Tensor forward(Tensor x) => classes.forward(Features(x));
}

/// <summary>Settings of a <see cref="QualityClassifier"/>; part of its cache key.</summary>
public sealed record QualityClassifierConfig
{
    /// <summary>Length of the feature vector used for the Fréchet distance.</summary>
    public int Features { get; init; } = 64;
    /// <summary>Number of classes.</summary>
    public int Classes { get; init; } = 10;
    /// <summary>Dataset it was trained on (<c>fashion-mnist</c>, or <c>digits</c> as fallback).</summary>
    public string Dataset { get; init; } = "fashion-mnist";
    /// <summary>Training images used (the first ones of the training split).</summary>
    public int TrainImages { get; init; } = 20000;
    /// <summary>Passes over them.</summary>
    public int Epochs { get; init; } = 2;
    /// <summary>Seed for initialisation and shuffling.</summary>
    public long Seed { get; init; } = 2024;
}
