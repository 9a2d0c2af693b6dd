using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Diffusion;

/// <summary>
/// A small U-Net (Ronneberger et al. 2015) as the noise predictor ε_θ(x_t, t[, y]) for 1 × S × S images, in the shape
/// DDPM uses (Ho et al. 2020, App. B): residual blocks, each receiving the time embedding; two halvings S → S/2 → S/4;
/// skip connections that concatenate the encoder's features to the decoder's. With <see cref="UNetConfig.Classes"/>
/// &gt; 0 a class embedding is added to the time embedding; label <c>Classes</c> is the null label ∅ that
/// classifier-free guidance (Ho &amp; Salimans 2022) trains by dropping labels.
/// </summary>
public sealed class UNet : nn.Module, IDenoiser
{
    private readonly SinusoidalTimeEmbedding time;
    private readonly nn.Module<Tensor, Tensor> time_mlp;
    private readonly TorchSharp.Modules.Embedding? label;
    private readonly nn.Module<Tensor, Tensor> input, down1, down2, up2, up1, output;
    private readonly ResidualBlock enc1, enc2, middle, dec2, dec1;

    /// <summary>Creates the U-Net with fresh weights (seed with <c>torch.manual_seed</c>).</summary>
    public UNet(UNetConfig? config = null) : base(nameof(UNet))
    {
        Config = config ?? new UNetConfig();
        if (Config.ImageSize % 4 != 0)
            throw new ArgumentException($"Die Bildgröße muss durch 4 teilbar sein (zweimal halbieren), ist aber {Config.ImageSize}.", nameof(config));
        if (Config.Channels % Config.Groups != 0)
            throw new ArgumentException($"Groups ({Config.Groups}) muss Channels ({Config.Channels}) teilen.", nameof(config));
        long c = Config.Channels, e = Config.Embedding, g = Config.Groups;
        time = new SinusoidalTimeEmbedding(Config.Embedding);
        time_mlp = nn.Sequential(nn.Linear(e, e), nn.SiLU(), nn.Linear(e, e));
        if (Config.Classes > 0) label = nn.Embedding(Config.Classes + 1, e);   // + 1: the null label ∅
        input = nn.Conv2d(1, c, 3, padding: 1);
        enc1 = new ResidualBlock(c, c, e, g);                                   // S
        down1 = nn.Conv2d(c, c, 3, stride: 2, padding: 1);                      // S → S/2
        enc2 = new ResidualBlock(c, 2 * c, e, g);                               // S/2
        down2 = nn.Conv2d(2 * c, 2 * c, 3, stride: 2, padding: 1);              // S/2 → S/4
        middle = new ResidualBlock(2 * c, 2 * c, e, g);                         // S/4, the bottleneck
        up2 = nn.Sequential(nn.Upsample(scale_factor: [2, 2], mode: UpsampleMode.Nearest), nn.Conv2d(2 * c, 2 * c, 3, padding: 1));
        dec2 = new ResidualBlock(4 * c, c, e, g);                               // S/2, after concatenating enc2's output
        up1 = nn.Sequential(nn.Upsample(scale_factor: [2, 2], mode: UpsampleMode.Nearest), nn.Conv2d(c, c, 3, padding: 1));
        dec1 = new ResidualBlock(2 * c, c, e, g);                               // S, after concatenating enc1's output
        output = nn.Sequential(ResidualBlock.GroupNorm(g, c), nn.SiLU(), nn.Conv2d(c, 1, 3, padding: 1));
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public UNetConfig Config { get; }

    /// <inheritdoc/>
    public int Classes => Config.Classes;

    /// <inheritdoc/>
    public IEnumerable<TorchSharp.Modules.Parameter> Parameters => parameters();

    /// <inheritdoc/>
    public void SetTraining(bool training) => train(training);

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <inheritdoc/>
    public Tensor PredictNoise(Tensor x, Tensor t, Tensor? labels = null)
    {
        int s = Config.ImageSize;
        if (x.dim() != 4 || x.shape[1] != 1 || x.shape[2] != s || x.shape[3] != s)
            throw new ArgumentException($"Erwartet Bilder (N, 1, {s}, {s}), bekommen [{string.Join(", ", x.shape)}].", nameof(x));
        if (t.dim() != 1 || t.shape[0] != x.shape[0])
            throw new ArgumentException($"Erwartet einen Zeitschritt pro Bild ({x.shape[0]}), bekommen [{string.Join(", ", t.shape)}].", nameof(t));
        var emb = time_mlp.forward(time.forward(t));                            // (N, E)
        if (label is not null)
        {
            // Without labels the model runs unconditionally: every example gets the null label ∅ = Classes.
            labels ??= torch.full([x.shape[0]], (long)Config.Classes, ScalarType.Int64);
            if (labels.dim() != 1 || labels.shape[0] != x.shape[0])
                throw new ArgumentException($"Erwartet {x.shape[0]} Labels als Vektor, bekommen [{string.Join(", ", labels.shape)}].", nameof(labels));
            emb = emb + label.forward(labels);                                  // (N, E)
        }
        else if (labels is not null)
            throw new ArgumentException("Dieses U-Net ist nicht konditional: es nimmt keine Labels.", nameof(labels));

        var h1 = enc1.forward(input.forward(x), emb);                           // (N, C, S, S)
        var h2 = enc2.forward(down1.forward(h1), emb);                          // (N, 2C, S/2, S/2)
        var h = middle.forward(down2.forward(h2), emb);                         // (N, 2C, S/4, S/4)
        h = dec2.forward(torch.cat([up2.forward(h), h2], 1), emb);              // (N, 4C, S/2, S/2) → (N, C, S/2, S/2)
        h = dec1.forward(torch.cat([up1.forward(h), h1], 1), emb);              // (N, 2C, S, S) → (N, C, S, S)
        return output.forward(h);                                               // (N, 1, S, S)
    }

    /// <summary>Writes weights (safetensors) and config (JSON beside it).</summary>
    public void Save(string path) => Checkpoint.Save(this, Config, path);

    /// <summary>Rebuilds a U-Net saved with <see cref="Save"/>.</summary>
    public static UNet Load(string path) => Checkpoint.Load(path, (UNetConfig c) => new UNet(c));
}
