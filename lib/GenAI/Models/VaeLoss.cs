using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GenAI.Models;

/// <summary>
/// The loss of a variational autoencoder for one batch, in its two parts: how badly the images were
/// reconstructed, and how far the encoder's distributions q(z|x) stray from the prior N(0, I).
/// Both are summed over the batch (and over pixels / latent dimensions); divide by the batch size for
/// a value per image. <see cref="Total"/> = Reconstruction + β·KL is the negative ELBO that training
/// minimises.
/// </summary>
public sealed record VaeLoss(Tensor Reconstruction, Tensor Kl, Tensor Total)
{
    /// <summary>Computes both parts for reconstructions <paramref name="reconstruction"/> of <paramref name="x"/>.</summary>
    /// <param name="reconstruction">Decoder output in [0, 1], any shape with N·D elements.</param>
    /// <param name="x">The original images, same number of elements, pixels in [0, 1].</param>
    /// <param name="mu">Encoder means, (N, latent).</param>
    /// <param name="logvar">Encoder log-variances log σ², (N, latent).</param>
    /// <param name="kind">Reconstruction term to use.</param>
    /// <param name="beta">Weight of the KL term (1 = plain VAE).</param>
    public static VaeLoss Compute(Tensor reconstruction, Tensor x, Tensor mu, Tensor logvar,
                                  ReconstructionLoss kind = ReconstructionLoss.BinaryCrossEntropy, double beta = 1.0)
    {
        var recon = ReconstructionTerm(reconstruction, x, kind);
        var kl = KlDivergence(mu, logvar);
        return new VaeLoss(recon, kl, beta == 1.0 ? recon + kl : recon + beta * kl);
    }

    /// <summary>The reconstruction term summed over pixels and batch; both tensors are flattened to (N, D) first.</summary>
    public static Tensor ReconstructionTerm(Tensor reconstruction, Tensor x, ReconstructionLoss kind)
    {
        var n = x.shape[0];
        var xHat = reconstruction.reshape(n, -1); // (N, D)
        var target = x.reshape(n, -1);            // (N, D)
        if (xHat.shape[1] != target.shape[1])
            throw new ArgumentException(
                $"Rekonstruktion ({string.Join("×", reconstruction.shape)}) und Eingabe ({string.Join("×", x.shape)}) "
                + "haben verschieden viele Pixel pro Bild.");
        return kind switch
        {
            // −Σ [x·log x̂ + (1−x)·log(1−x̂)], log clamped at −100 as in PyTorch.
            ReconstructionLoss.BinaryCrossEntropy => F.binary_cross_entropy(xHat, target, reduction: nn.Reduction.Sum),
            ReconstructionLoss.MeanSquaredError => F.mse_loss(xHat, target, reduction: nn.Reduction.Sum),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unbekannte Rekonstruktionsverlust-Art."),
        };
    }

    /// <summary>
    /// KL divergence KL(N(μ, σ²) ‖ N(0, I)) summed over latent dimensions and batch.
    /// </summary>
    public static Tensor KlDivergence(Tensor mu, Tensor logvar) =>
        // Kingma & Welling 2014, "Auto-Encoding Variational Bayes", Appendix B:
        // −KL = ½ Σ (1 + log σ² − μ² − σ²), with σ² = exp(log σ²).
        -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum();

    /// <summary>The parts as the <see cref="Trainer"/> records them ("Rekonstruktion", "KL").</summary>
    public TrainingLoss ToTrainingLoss() => new(Total, [new("Rekonstruktion", Reconstruction), new("KL", Kl)]);
}
