using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GenAI.Models;

/// <summary>
/// A conditional VAE (Sohn et al. 2015): both encoder and decoder also get the class label, as a
/// learned vector (embedding). The latent code then only has to hold what the label does not say —
/// style, thickness, slant — and the decoder can be asked for a class: "Kleid" or "7". This is the
/// course's miniature of text-to-image, where the label becomes a whole sentence.
/// </summary>
public sealed class ConditionalVae : nn.Module, ITrainable
{
    // label (N) → e (N, embedding)
    private readonly nn.Module<Tensor, Tensor> embedding;
    // Encoder: [x, e] (N, 784 + embedding) → h (N, 400) → μ, log σ² (N, latent).
    private readonly nn.Module<Tensor, Tensor> fc1;
    private readonly nn.Module<Tensor, Tensor> fc_mu;
    private readonly nn.Module<Tensor, Tensor> fc_logvar;
    // Decoder: [z, e] (N, latent + embedding) → (N, 400) → x̂ (N, 784).
    private readonly nn.Module<Tensor, Tensor> fc3;
    private readonly nn.Module<Tensor, Tensor> fc4;

    /// <summary>Creates a conditional VAE with freshly initialised weights.</summary>
    public ConditionalVae(ConditionalVaeConfig? config = null) : base(nameof(ConditionalVae))
    {
        Config = config ?? new ConditionalVaeConfig();
        embedding = nn.Embedding(Config.NumClasses, Config.EmbeddingSize);
        fc1 = nn.Linear(Config.InputSize + Config.EmbeddingSize, Config.HiddenSize);
        fc_mu = nn.Linear(Config.HiddenSize, Config.LatentSize);
        fc_logvar = nn.Linear(Config.HiddenSize, Config.LatentSize);
        fc3 = nn.Linear(Config.LatentSize + Config.EmbeddingSize, Config.HiddenSize);
        fc4 = nn.Linear(Config.HiddenSize, Config.InputSize);
        RegisterComponents();
    }

    /// <summary>The configuration this model was built from.</summary>
    public ConditionalVaeConfig Config { get; }

    /// <summary>Size of z.</summary>
    public int LatentSize => Config.LatentSize;

    /// <summary>μ and log σ² (N, latent) of q(z | x, label).</summary>
    public (Tensor mu, Tensor logvar) Encode(Tensor x, Tensor labels)
    {
        var e = Embed(labels);                                                // (N, embedding)
        var input = torch.cat([x.reshape(x.shape[0], -1), e], 1);             // (N, 784 + embedding)
        var h = F.relu(fc1.forward(input));                                   // (N, 400)
        return (fc_mu.forward(h), fc_logvar.forward(h));
    }

    /// <summary>Images (N, 784) for codes z (N, latent) and the classes to draw (N).</summary>
    public Tensor Decode(Tensor z, Tensor labels)
    {
        var input = torch.cat([z, Embed(labels)], 1);                         // (N, latent + embedding)
        return torch.sigmoid(fc4.forward(F.relu(fc3.forward(input))));        // (N, 400) → (N, 784)
    }

    /// <summary>Encode with the label, sample z, decode with the label.</summary>
    public (Tensor reconstruction, Tensor mu, Tensor logvar) forward(Tensor x, Tensor labels)
    {
        var (mu, logvar) = Encode(x, labels);
        return (Decode(Vae.Reparameterize(mu, logvar), labels), mu, logvar);
    }

    /// <summary>Loss of a batch of images with their labels, summed over the batch.</summary>
    public VaeLoss Loss(Tensor x, Tensor labels)
    {
        var (reconstruction, mu, logvar) = forward(x, labels);
        return VaeLoss.Compute(reconstruction, x, mu, logvar, Config.Reconstruction, Config.Beta);
    }

    TrainingLoss ITrainable.Loss(IReadOnlyList<Tensor> batch)
    {
        if (batch.Count < 2)
            throw new ArgumentException("Ein ConditionalVae braucht Batches aus (Bildern, Labels); der DataLoader liefert nur Bilder.", nameof(batch));
        return Loss(batch[0], batch[1]).ToTrainingLoss();
    }

    /// <summary>
    /// Draws <paramref name="n"/> new images of class <paramref name="label"/>: z ~ N(0, I), decoded
    /// together with the label. Returns (n, 784).
    /// </summary>
    public Tensor Sample(long label, int n = 8, Generator? generator = null)
    {
        CheckLabel(label);
        using var _ = torch.no_grad();
        var z = torch.randn([n, Config.LatentSize], generator: generator);   // (n, latent)
        var labels = torch.full([n], label, dtype: torch.int64);             // (n)
        return Decode(z, labels);
    }

    private Tensor Embed(Tensor labels)
    {
        if (labels.dtype != torch.int64)
            throw new ArgumentException($"Labels müssen ganze Zahlen sein (torch.int64), nicht {labels.dtype}.", nameof(labels));
        return embedding.forward(labels.reshape(-1));
    }

    private void CheckLabel(long label)
    {
        if (label < 0 || label >= Config.NumClasses)
            throw new ArgumentOutOfRangeException(nameof(label), label, $"Die Klasse muss zwischen 0 und {Config.NumClasses - 1} liegen.");
    }

    /// <summary>Writes weights (safetensors) and config (JSON beside it).</summary>
    public void Save(string path) => Checkpoint.Save(this, Config, path);

    /// <summary>Rebuilds a ConditionalVae saved with <see cref="Save"/>.</summary>
    public static ConditionalVae Load(string path) => Checkpoint.Load(path, (ConditionalVaeConfig config) => new ConditionalVae(config));
}
