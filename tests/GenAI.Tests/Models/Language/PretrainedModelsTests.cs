using GenAI.Data;
using GenAI.Models;
using GenAI.Text;
using TorchSharp;

namespace GenAI.Tests.Models.Language;

public class PretrainedModelsTests
{
    [Test]
    public void The_shipped_Grimm_LSTM_beats_every_Markov_order_on_the_held_out_tenth()
    {
        var corpus = Corpus.Load("grimm");
        var (model, vocab, command) = PretrainedModels.GrimmLstm();
        Assert.That(vocab.Characters, Is.EqualTo(CharVocabulary.Build(corpus.Text).Characters), "the alphabet of the whole corpus, as in chapter 05");
        Assert.That(command, Does.StartWith("genai train lstm --corpus grimm"));
        var (train, heldOut) = HeldOutSplit.Split(vocab.Encode(corpus.Text));
        double best = double.PositiveInfinity;
        for (int order = 1; order <= 5; order++)
        {
            var chain = CharMarkovModel.Train(train, order, vocab.Size);
            best = Math.Min(best, BitsPerCharacter.Evaluate(chain, [.. train[^order..], .. heldOut], from: order));
        }
        double lstm = BitsPerCharacter.FromMeanLoss(CharRnnTraining.HeldOutLoss(model, heldOut, train[^1000..]), heldOut.Length, heldOut.Length);
        TestContext.Out.WriteLine($"LSTM {lstm:F4} bpc, best Markov chain {best:F4} bpc");
        Assert.That(lstm, Is.LessThan(best - 0.05), "the shipped LSTM must clearly beat the best Markov chain (bits per character)");
    }
}
