using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Gans;

/// <summary>
/// A generative adversarial network (Goodfellow et al. 2014): a generator G that turns noise z into
/// images, and a discriminator D that outputs a logit "real or generated". Both live in one module so
/// one checkpoint holds the pair. Images are (N, 1, 28, 28) in [0, 1] outside and [−1, 1] inside;
/// <see cref="GanArchitecture.Points"/> works on points (N, d) as they are (toy data for mode collapse).
/// A conditional GAN (<see cref="GanConfig.Classes"/> &gt; 0) concatenates a label embedding to z and
/// scores labels with a projection discriminator (Miyato &amp; Koyama 2018): logit = w·h + embed(y)·h.
/// </summary>
public sealed class Gan : nn.Module
{
    private readonly nn.Module<Tensor, Tensor> generator;
    private readonly nn.Module<Tensor, Tensor> discriminator;
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly TorchSharp.Modules.Embedding? label_g;
    private readonly TorchSharp.Modules.Embedding? label_d;

    /// <summary>Creates a GAN with freshly initialised weights (seed with <c>torch.manual_seed</c>).</summary>
    public Gan(GanConfig? config = null) : base(nameof(Gan))
    {
        Config = config ?? new GanConfig();
        if (Config.Architecture == GanArchitecture.Dcgan && Config.ImageSize % 4 != 0)
            throw new ArgumentException($"ImageSize muss für ein DCGAN durch 4 teilbar sein, ist aber {Config.ImageSize}.", nameof(config));
        int inputs = Config.LatentSize + Config.Classes;
        generator = GanNetworks.Generator(Config, inputs);
        discriminator = GanNetworks.Discriminator(Config);
        long features = GanNetworks.Features(Config);
        head = nn.Linear(features, 1);
        if (Config.IsConditional)
        {
            label_g = nn.Embedding(Config.Classes, Config.Classes);
            label_d = nn.Embedding(Config.Classes, features);
        }
        RegisterComponents();
        if (Config.Architecture == GanArchitecture.Dcgan) InitDcgan();
        // The projection starts at zero, so a fresh D is label-blind: with nn.Embedding's N(0, 1) init the
        // term embed(y)·h sums F (1.568 for a DCGAN of width 16) random products, saturates D's logits
        // from the first step and leaves G no gradient.
        if (label_d is not null)
        {
            using var noGrad = torch.no_grad();
            label_d.weight!.zero_();
        }
    }

    /// <summary>The configuration this GAN was built from.</summary>
    public GanConfig Config { get; }

    /// <summary>The generator's parameters (for its optimiser).</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> GeneratorParameters =>
        label_g is null ? generator.parameters() : generator.parameters().Concat(label_g.parameters());

    /// <summary>The discriminator's parameters (for its optimiser).</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> DiscriminatorParameters =>
        label_d is null ? discriminator.parameters().Concat(head.parameters())
                        : discriminator.parameters().Concat(head.parameters()).Concat(label_d.parameters());

    /// <summary>G(z): images (N, 1, S, S) in [−1, 1] for noise z (N, latent) and, if conditional, labels (N).</summary>
    public Tensor Generator(Tensor z, Tensor? labels = null)
    {
        CheckLabels(labels, z.shape[0]);
        var input = label_g is null ? z : torch.cat([z, label_g.forward(labels!)], 1); // (N, latent + classes)
        return generator.forward(input);
    }

    /// <summary>D(x) as a logit (N) for images (N, 1, S, S) in [−1, 1]; sigmoid gives the probability "real".</summary>
    public Tensor Discriminator(Tensor x, Tensor? labels = null)
    {
        CheckLabels(labels, x.shape[0]);
        var h = discriminator.forward(x);                               // (N, F)
        var logit = head.forward(h).squeeze(1);                         // (N)
        if (label_d is not null) logit = logit + (label_d.forward(labels!) * h).sum(1); // projection term
        return logit;
    }

    /// <summary>
    /// <paramref name="count"/> images (N, 1, S, S) in [0, 1] (or points (N, d) for <see cref="GanArchitecture.Points"/>), in eval mode without gradients.
    /// A seed makes them repeatable; labels are required for a conditional GAN.
    /// </summary>
    public Tensor Sample(int count, long? seed = null, Tensor? labels = null)
    {
        using var noGrad = torch.no_grad();
        var wasTraining = training;
        eval();
        try
        {
            var z = Noise(count, seed);
            var x = Generator(z, labels);
            return Config.MakesImages ? ((x + 1) / 2).clamp(0, 1) : x;
        }
        finally
        {
            train(wasTraining);
        }
    }

    /// <summary>Noise z ~ N(0, I), (count, latent); from its own generator when a seed is given.</summary>
    public Tensor Noise(int count, long? seed = null)
    {
        if (seed is null) return torch.randn(count, Config.LatentSize);
        using var g = new Generator((ulong)seed.Value);
        return torch.randn([count, Config.LatentSize], generator: g);
    }

    /// <summary>Writes weights (safetensors) and config (JSON beside it).</summary>
    public void Save(string path) => Checkpoint.Save(this, Config, path);

    /// <summary>Rebuilds a GAN saved with <see cref="Save"/>.</summary>
    public static Gan Load(string path) => Checkpoint.Load(path, (GanConfig config) => new Gan(config));

    private void CheckLabels(Tensor? labels, long n)
    {
        if (Config.IsConditional && labels is null)
            throw new ArgumentException($"Dieses GAN ist konditional ({Config.Classes} Klassen): gib zu jedem Bild ein Label an.", nameof(labels));
        if (!Config.IsConditional && labels is not null)
            throw new ArgumentException("Dieses GAN ist nicht konditional: es nimmt keine Labels.", nameof(labels));
        if (labels is not null && (labels.dim() != 1 || labels.shape[0] != n))
            throw new ArgumentException($"Erwartet {n} Labels als Vektor, bekommen Form [{string.Join(", ", labels.shape)}].", nameof(labels));
    }

    // DCGAN paper: weights from N(0, 0.02), BatchNorm scale from N(1, 0.02).
    private void InitDcgan()
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, p) in named_parameters())
        {
            if (name.StartsWith("label_", StringComparison.Ordinal)) continue;
            bool norm = p.dim() == 1;
            if (name.EndsWith("bias", StringComparison.Ordinal)) p.zero_();
            else if (!norm) p.normal_(0, 0.02);
        }
    }
}
