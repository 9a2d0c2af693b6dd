using GenAI.Data;
using GenAI.Models;
using GenAI.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Cli.Figures;

/// <summary>
/// images/latenter-raum-ziffern.svg: chapter 00's autoencoder (64 → 2) on the embedded 8×8 digits,
/// trained with exactly the notebook's settings, its 2-D codes coloured by digit.
/// </summary>
internal static class DigitsLatentFigure
{
    public static GenericChart Build()
    {
        var digits = Digits.Load(train: true, size: 8);
        var images = torch.tensor(digits.Pixels, [digits.Count, 64]);          // [N, 64]

        torch.manual_seed(0);
        var autoencoder = new Autoencoder(new AutoencoderConfig { InputSize = 64, LatentSize = 2 });
        var loader = utils.data.DataLoader(utils.data.TensorDataset(images), batchSize: 64, shuffle: true);
        Trainer.For(autoencoder, lr: 3e-3).Fit(loader, epochs: 60);

        Tensor codes;
        using (torch.no_grad()) codes = autoencoder.Encode(images);           // [N, 2]
        var z = codes.data<float>().ToArray();
        return ChartParts.ScatterByClass(
                Enumerable.Range(0, digits.Count).Select(i => (double)z[2 * i]),
                Enumerable.Range(0, digits.Count).Select(i => (double)z[2 * i + 1]),
                digits.Labels.Select(l => (int)l), digits.ClassNames)
            .WithTitle("Latenter Raum eines Autoencoders (2 Dimensionen)")
            .WithAxisTitles("z₁", "z₂").WithLegendTitle("Ziffer")
            .WithSize(640, 520);
    }
}
