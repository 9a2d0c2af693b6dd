using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// Walking around a trained VAE's latent space: draw new images from the prior, morph one image into
/// another, and move an image along a direction that separates two classes. All of it runs without
/// gradients; images come back as the model's <c>Decode</c> returns them.
/// </summary>
public static class LatentSpace
{
    /// <summary>
    /// Draws <paramref name="n"/> new images: z ~ N(0, I), the prior the KL term pulled the encoder
    /// towards, then decoded.
    /// </summary>
    public static Tensor Sample(this IVariationalAutoencoder model, int n, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        using var _ = torch.no_grad();
        return model.Decode(torch.randn([n, model.LatentSize], generator: generator)); // (n, latent) → images
    }

    /// <summary>
    /// Morphs image <paramref name="from"/> into image <paramref name="to"/> in <paramref name="steps"/>
    /// images: both are encoded to their means μ, and the codes on the straight line between them
    /// z(t) = (1 − t)·μ_from + t·μ_to, t = 0 … 1, are decoded.
    /// </summary>
    /// <param name="model">A trained VAE.</param>
    /// <param name="from">One image: (784), (1, 784), (28, 28) or (1, 1, 28, 28).</param>
    /// <param name="to">Another image of the same shape.</param>
    /// <param name="steps">Number of images, including both ends (at least 2).</param>
    public static Tensor Interpolate(this IVariationalAutoencoder model, Tensor from, Tensor to, int steps = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        using var _ = torch.no_grad();
        var a = EncodeOne(model, from);                                    // (1, latent)
        var b = EncodeOne(model, to);                                      // (1, latent)
        var t = torch.linspace(0, 1, steps).reshape(steps, 1);             // (steps, 1)
        return model.Decode(a + t * (b - a));                              // (steps, latent) → images
    }

    /// <summary>
    /// The latent direction from class <paramref name="classB"/> to class <paramref name="classA"/>:
    /// mean μ of the images labelled A minus mean μ of those labelled B (the course's original does this
    /// with CelebA attributes such as "smiling"). Returns (latent).
    /// </summary>
    /// <param name="model">A trained VAE.</param>
    /// <param name="images">Images, (N, 784) or (N, 1, 28, 28).</param>
    /// <param name="labels">Their classes, (N), torch.int64.</param>
    /// <param name="classA">The class to move towards.</param>
    /// <param name="classB">The class to move away from.</param>
    public static Tensor ClassDirection(this IVariationalAutoencoder model, Tensor images, Tensor labels, long classA, long classB)
    {
        if (labels.shape.Length != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException(
                $"Es braucht genau ein Label pro Bild: {images.shape[0]} Bilder, Labels der Form ({string.Join(", ", labels.shape)}).", nameof(labels));
        using var _ = torch.no_grad();
        var (mu, _) = model.Encode(images);                                // (N, latent)
        return MeanOfClass(mu, labels, classA) - MeanOfClass(mu, labels, classB); // (latent)
    }

    /// <summary>
    /// Adds a latent direction to an image's code in <paramref name="steps"/> even steps from 0 to
    /// <paramref name="scale"/>·direction and decodes each: z(s) = μ(image) + s·direction.
    /// </summary>
    public static Tensor Walk(this IVariationalAutoencoder model, Tensor image, Tensor direction, int steps = 7, double scale = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        using var _ = torch.no_grad();
        var start = EncodeOne(model, image);                               // (1, latent)
        var s = torch.linspace(0, scale, steps).reshape(steps, 1);         // (steps, 1)
        return model.Decode(start + s * direction.reshape(1, -1));          // (steps, latent) → images
    }

    private static Tensor EncodeOne(IVariationalAutoencoder model, Tensor image)
    {
        var (mu, _) = model.Encode(image.reshape(1, -1));
        return mu;                                                         // (1, latent)
    }

    private static Tensor MeanOfClass(Tensor mu, Tensor labels, long label)
    {
        var all = labels.data<long>().ToArray();
        var rows = Enumerable.Range(0, all.Length).Where(i => all[i] == label).Select(i => (long)i).ToArray();
        if (rows.Length == 0)
            throw new ArgumentException($"Unter den Labels kommt die Klasse {label} nicht vor; gib Bilder dieser Klasse mit.", nameof(labels));
        return mu.index_select(0, torch.tensor(rows)).mean([0]);           // (k, latent) → (latent)
    }
}
