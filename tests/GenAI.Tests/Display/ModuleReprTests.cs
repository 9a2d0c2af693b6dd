using GenAI.Display;
using GenAI.Tests.Kernel;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Display;

/// <summary>A module displays as PyTorch prints the same network (oracle: Debian's python3-torch).</summary>
public class ModuleReprTests
{
    [Test]
    public void A_module_prints_like_the_same_network_in_pytorch()
    {
        PythonClients.Require("torch");
        var ours = nn.ModuleList<nn.Module>(
            nn.Linear(784, 128), nn.ReLU(), nn.Sigmoid(), nn.GELU(),
            nn.Conv2d(1, 16, 3, stride: 2, padding: 1), nn.ConvTranspose2d(16, 1, 4, stride: 2, padding: 1),
            nn.Conv2d(3, 8, 5, bias: false),
            nn.BatchNorm2d(16), nn.LayerNorm(8), nn.GroupNorm(2, 16), nn.Dropout(0.2), nn.LeakyReLU(0.2),
            nn.Flatten(), nn.Unflatten(1, [1, 28, 28]), nn.Embedding(10, 3), nn.MaxPool2d(2),
            nn.LSTM(4, 8), nn.GRU(4, 8, numLayers: 2, batchFirst: true),
            nn.Sequential(nn.Linear(3, 2, hasBias: false), nn.Tanh()));
        var script = """
            from torch import nn
            print(nn.ModuleList([
                nn.Linear(784, 128), nn.ReLU(), nn.Sigmoid(), nn.GELU(),
                nn.Conv2d(1, 16, 3, stride=2, padding=1), nn.ConvTranspose2d(16, 1, 4, stride=2, padding=1),
                nn.Conv2d(3, 8, 5, bias=False),
                nn.BatchNorm2d(16), nn.LayerNorm(8), nn.GroupNorm(2, 16), nn.Dropout(0.2), nn.LeakyReLU(0.2),
                nn.Flatten(), nn.Unflatten(1, (1, 28, 28)), nn.Embedding(10, 3), nn.MaxPool2d(2),
                nn.LSTM(4, 8), nn.GRU(4, 8, num_layers=2, batch_first=True),
                nn.Sequential(nn.Linear(3, 2, bias=False), nn.Tanh())]))
            """;
        var result = PythonClients.Run(["-c", script], TimeSpan.FromMinutes(2));
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(ModuleRepr.Format(ours), Is.EqualTo(result.Stdout.TrimEnd().ReplaceLineEndings("\n")));
    }

    [Test]
    public void The_display_counts_parameters_in_german_format()
    {
        var bundle = Formatter.ToMimeBundle(nn.Linear(784, 128));
        Assert.That(bundle["text/plain"], Does.EndWith("Parameter: 100.480"));
    }
}
