using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Language;

public class NextTokenPredictionTests
{
    [Test]
    public void The_loss_is_the_mean_negative_log_probability_of_each_target()
    {
        // Oracle written out: −(1/(B·T)) Σ log softmax(logits)[b, t, y[b, t]].
        manual_seed(3);
        var logits = randn(2, 3, 5);                                         // [B, T, V]
        var targets = tensor(new long[] { 0, 4, 2, 1, 1, 3 }).reshape(2, 3);  // [B, T]
        var logProbs = nn.functional.log_softmax(logits, -1);
        double expected = 0;
        for (int b = 0; b < 2; b++)
            for (int t = 0; t < 3; t++)
                expected -= logProbs[b, t, targets[b, t].item<long>()].item<float>();
        expected /= 6;
        Assert.That(NextTokenPrediction.Loss(logits, targets).item<float>(), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void A_prompt_with_ids_outside_the_vocabulary_is_refused_before_the_model_sees_it()
    {
        var model = new CharRnnLanguageModel(new CharRnnConfig(VocabularySize: 11, EmbeddingSize: 4, HiddenSize: 8));
        var options = new SamplingOptions(Temperature: 1);
        var outside = Assert.Throws<ArgumentException>(() => model.Generate([3, 11], 5, options, new Random(1)));
        Assert.That(outside!.Message, Does.Contain("außerhalb des Vokabulars 0…10"));
        var empty = Assert.Throws<ArgumentException>(() => model.Generate([], 5, options, new Random(1)));
        Assert.That(empty!.Message, Does.Contain("mindestens ein Zeichen"));
    }
}
