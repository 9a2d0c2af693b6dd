using GenAI.Models;
using GenAI.Text;
using TorchSharp;

namespace GenAI.Tests.Models.Language;

public class CharRnnLanguageModelTests
{
    private const string Tiny = "Es war einmal ein König, der hatte drei Töchter.";

    [TestCase(RecurrentKind.Rnn)]
    [TestCase(RecurrentKind.Lstm)]
    [TestCase(RecurrentKind.Gru)]
    public void Logits_have_shape_B_T_V_and_the_state_carries_over(RecurrentKind kind)
    {
        torch.manual_seed(1);
        var model = new CharRnnLanguageModel(new CharRnnConfig(VocabularySize: 11, EmbeddingSize: 4, HiddenSize: 8, Layers: 2, Kind: kind));
        using var x = torch.randint(11, [3, 5]);
        var (logits, state) = model.Forward(x, null);
        Assert.That(logits.shape, Is.EqualTo(new long[] { 3, 5, 11 }));
        Assert.That(state.H.shape, Is.EqualTo(new long[] { 2, 3, 8 }));
        Assert.That(state.C is null, Is.EqualTo(kind != RecurrentKind.Lstm));
        // Running the sequence in two halves with the state carried gives the same logits as in one go.
        var (first, middle) = model.Forward(x[.., ..2], null);
        var (second, _) = model.Forward(x[.., 2..], middle);
        Assert.That(torch.cat([first, second], 1).allclose(logits, rtol: 1e-4, atol: 1e-5), Is.True);
    }

    [TestCase(RecurrentKind.Lstm)]
    [TestCase(RecurrentKind.Gru)]
    public void A_model_that_overfits_a_tiny_text_reproduces_it_greedily(RecurrentKind kind)
    {
        torch.manual_seed(0);
        var vocab = CharVocabulary.Build(Tiny);
        var ids = vocab.Encode(Tiny);
        var model = new CharRnnLanguageModel(new CharRnnConfig(vocab.Size, EmbeddingSize: 16, HiddenSize: 64, Kind: kind));
        var data = new TextWindows(ids, blockSize: ids.Length - 1);   // one window: the whole text
        var losses = CharRnnTraining.Train(model, data, iterations: 250, batchSize: 1, learningRate: 0.01, new Random(0));
        Assert.That(losses[^1], Is.LessThan(0.05), "the training loss approaches 0");
        var continuation = model.Generate([ids[0]], ids.Length - 1, SamplingOptions.Greedy, new Random(0));
        Assert.That(vocab.Decode([ids[0], .. continuation]), Is.EqualTo(Tiny));
    }

    [Test]
    public void An_untrained_model_scores_about_log2_V_bits_per_character_and_held_out_loss_is_in_nats()
    {
        torch.manual_seed(0);
        var vocab = CharVocabulary.Build(Tiny);
        var model = new CharRnnLanguageModel(new CharRnnConfig(vocab.Size, 8, 16));
        var ids = vocab.Encode(Tiny);
        double bpc = BitsPerCharacter.Evaluate(model, ids);
        Assert.That(bpc, Is.EqualTo(Math.Log2(vocab.Size)).Within(0.3));
        double loss = CharRnnTraining.HeldOutLoss(model, ids[10..], ids[..10]);
        Assert.That(loss, Is.EqualTo(Math.Log(vocab.Size)).Within(0.3));
    }

    [Test]
    public void Seeded_sampling_is_reproducible()
    {
        torch.manual_seed(3);
        var model = new CharRnnLanguageModel(new CharRnnConfig(20, 8, 16));
        var options = new SamplingOptions(Temperature: 0.8, TopK: 5, TopP: 0.9);
        Assert.That(model.Generate([1, 2], 30, options, new Random(5)), Is.EqualTo(model.Generate([1, 2], 30, options, new Random(5))));
    }
}
