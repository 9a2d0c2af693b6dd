using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models.Gans;

/// <summary>The generator and discriminator bodies for each <see cref="GanArchitecture"/>.</summary>
internal static class GanNetworks
{
    /// <summary>Generator: input (N, inputs) → images (N, 1, S, S) in [−1, 1] (tanh), or points (N, d).</summary>
    public static nn.Module<Tensor, Tensor> Generator(GanConfig c, int inputs)
    {
        if (c.Architecture == GanArchitecture.Points)
            return nn.Sequential(                                                // (N, inputs) → (N, d), unbounded
                nn.Linear(inputs, c.Width), nn.ReLU(),
                nn.Linear(c.Width, c.Width), nn.ReLU(),
                nn.Linear(c.Width, c.Dimensions));
        long pixels = (long)c.ImageSize * c.ImageSize;
        if (c.Architecture == GanArchitecture.Mlp)
            return nn.Sequential(
                nn.Linear(inputs, c.Width), nn.LeakyReLU(0.2),
                nn.Linear(c.Width, 2 * c.Width), nn.LeakyReLU(0.2),
                nn.Linear(2 * c.Width, pixels), nn.Tanh(),
                nn.Unflatten(1, [1, c.ImageSize, c.ImageSize]));                 // (N, S·S) → (N, 1, S, S)
        int side = c.ImageSize / 4, f = c.Width;
        // z → (N, 2f, 7, 7) → (N, f, 14, 14) → (N, 1, 28, 28); ConvTranspose2d(k 4, s 2, p 1) doubles the side.
        return nn.Sequential(
            nn.Linear(inputs, 2L * f * side * side, hasBias: false), nn.BatchNorm1d(2L * f * side * side), nn.ReLU(),
            nn.Unflatten(1, [2L * f, side, side]),
            nn.ConvTranspose2d(2L * f, f, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(f), nn.ReLU(),
            nn.ConvTranspose2d(f, 1, 4, stride: 2, padding: 1), nn.Tanh());
    }

    /// <summary>Discriminator body: images (N, 1, S, S) or points (N, d) → features (N, <see cref="Features"/>).</summary>
    public static nn.Module<Tensor, Tensor> Discriminator(GanConfig c)
    {
        if (c.Architecture == GanArchitecture.Points)
            return nn.Sequential(                                                // (N, d) → (N, W)
                nn.Linear(c.Dimensions, c.Width), nn.LeakyReLU(0.2),
                nn.Linear(c.Width, c.Width), nn.LeakyReLU(0.2));
        long pixels = (long)c.ImageSize * c.ImageSize;
        if (c.Architecture == GanArchitecture.Mlp)
            return nn.Sequential(
                nn.Flatten(),
                nn.Linear(pixels, 2 * c.Width), nn.LeakyReLU(0.2),
                nn.Linear(2 * c.Width, c.Width), nn.LeakyReLU(0.2));
        int f = c.Width;
        // (N, 1, 28, 28) → (N, f, 14, 14) → (N, 2f, 7, 7) → (N, 2f·49); Conv2d(k 4, s 2, p 1) halves the side.
        return nn.Sequential(
            nn.Conv2d(1, f, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2),
            nn.Conv2d(f, 2L * f, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(2L * f), nn.LeakyReLU(0.2),
            nn.Flatten());
    }

    /// <summary>Length of the discriminator body's feature vector.</summary>
    public static long Features(GanConfig c) => c.Architecture != GanArchitecture.Dcgan
        ? c.Width
        : 2L * c.Width * (c.ImageSize / 4) * (c.ImageSize / 4);
}
