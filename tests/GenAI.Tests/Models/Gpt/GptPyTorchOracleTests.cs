using System.Text.Json;
using GenAI.Tests.Kernel;
using GenAI.Tests.Notebooks;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Gpt;

/// <summary>
/// The GPT and bench/gpt_reference.py (the PyTorch side of <c>genai bench gpt</c>) are the same model: weights saved by the
/// course load into the reference by name and give the same logits and loss. Needs Debian's python3-torch; skips otherwise.
/// </summary>
public class GptPyTorchOracleTests
{
    [Test]
    public void A_saved_gpt_gives_the_same_logits_and_loss_in_the_pytorch_reference([Values(true, false)] bool bias)
    {
        PythonClients.Require("torch");
        var dir = Directory.CreateTempSubdirectory("genai-gpt-oracle-").FullName;
        try
        {
            using var scope = NewDisposeScope();
            torch.manual_seed(11);
            using var model = new GenAI.Models.Gpt(
                new GenAI.Models.GptConfig(VocabularySize: 17, BlockSize: 12, Layers: 2, Heads: 2, EmbeddingSize: 24, Bias: bias));
            model.eval();
            var weights = Path.Combine(dir, "gpt.safetensors");
            model.Save(weights);
            var ids = Enumerable.Range(0, 2).Select(b => Enumerable.Range(0, 12).Select(t => (b * 7 + t * 5) % 17).ToArray()).ToArray();
            var idsPath = Path.Combine(dir, "ids.json");
            File.WriteAllText(idsPath, JsonSerializer.Serialize(ids));

            var script = Path.Combine(TestContext.CurrentContext.TestDirectory, "Models", "reference", "gpt_oracle.py");
            var reference = Path.Combine(RepoPaths.Root, "bench", "gpt_reference.py");
            var result = PythonClients.Run([script, reference, weights, GenAI.Models.Checkpoint.ConfigPath(weights), idsPath], TimeSpan.FromMinutes(2));
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            using var json = JsonDocument.Parse(result.Stdout);
            var theirLogits = json.RootElement.GetProperty("logits").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            double theirLoss = json.RootElement.GetProperty("loss").GetDouble();

            var x = torch.tensor(ids.SelectMany(r => r).Select(i => (long)i).ToArray(), [2, 12]);
            var ourLogits = model.forward(x).data<float>().ToArray();
            double ourLoss = model.Loss(x[.., ..^1], x[.., 1..]).item<float>();
            Assert.That(ourLogits.Zip(theirLogits, (a, b) => Math.Abs(a - b)).Max(), Is.LessThan(1e-5));
            Assert.That(ourLoss, Is.EqualTo(theirLoss).Within(1e-5));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
