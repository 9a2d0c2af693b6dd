using GenAI.Data;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Cli.Figures;

/// <summary>
/// One real image and its reconstruction by chapter 01's autoencoder (784-128-64-10), for the
/// architecture diagrams: a short, seeded training run on a Fashion-MNIST subset (or the digits).
/// </summary>
internal static class ReconstructionExample
{
    public static (float[] Input, float[] Reconstruction, int Side) Make()
    {
        var train = ImageDatasets.Load("fashion-mnist", train: true, fallbackToDigits: true).Sample(6000, seed: 1);
        var test = ImageDatasets.Load("fashion-mnist", train: false, fallbackToDigits: true);
        var x = torch.tensor(train.Pixels, [train.Count, 784]);

        torch.manual_seed(42);
        var autoencoder = new Autoencoder(new AutoencoderConfig { LatentSize = 10 });
        var loader = utils.data.DataLoader(utils.data.TensorDataset(x), batchSize: 128, shuffle: true);
        Trainer.For(autoencoder, lr: 1e-3).Fit(loader, epochs: 6);

        // The first ankle boot of the test split (class 9; a "9" when running on the digits).
        int index = Array.IndexOf(test.Labels, 9L);
        var input = test.Image(index).ToArray();
        Tensor output;
        using (torch.no_grad()) output = autoencoder.forward(torch.tensor(input, [1, 784]));
        return (input, output.data<float>().ToArray(), 28);
    }
}
