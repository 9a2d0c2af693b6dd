using System.Text.RegularExpressions;
using GenAI.Data;
using GenAI.Models;
using GenAI.Text;

namespace GenAI.Tests.Models.Language;

public partial class PretrainedModelsTests
{
    private CharVocabulary vocabulary = null!;
    private int[] train = null!;
    private int[] heldOut = null!;
    private string corpusText = null!;
    private double bestMarkov;
    private double lstmBpc = double.NaN;

    [OneTimeSetUp]
    public void LoadCorpusAndMarkovChains()
    {
        corpusText = Corpus.Load("grimm").Text;
        vocabulary = CharVocabulary.Build(corpusText);
        (train, heldOut) = HeldOutSplit.Split(vocabulary.Encode(corpusText));
        bestMarkov = double.PositiveInfinity;
        for (int order = 1; order <= 5; order++)
        {
            var chain = CharMarkovModel.Train(train, order, vocabulary.Size);
            bestMarkov = Math.Min(bestMarkov, BitsPerCharacter.Evaluate(chain, [.. train[^order..], .. heldOut], from: order));
        }
    }

    [Test, Order(1)]
    public void The_shipped_Grimm_LSTM_beats_every_Markov_order_on_the_held_out_tenth()
    {
        var (model, vocab, command) = PretrainedModels.GrimmLstm();
        Assert.That(vocab.Characters, Is.EqualTo(vocabulary.Characters), "the alphabet of the whole corpus, as in chapter 05");
        Assert.That(command, Does.StartWith("genai train lstm --corpus grimm"));
        lstmBpc = BitsPerCharacter.FromMeanLoss(CharRnnTraining.HeldOutLoss(model, heldOut, train[^1000..]), heldOut.Length, heldOut.Length);
        TestContext.Out.WriteLine($"LSTM {lstmBpc:F4} bpc, best Markov chain {bestMarkov:F4} bpc");
        Assert.That(lstmBpc, Is.LessThan(bestMarkov - 0.05), "the shipped LSTM must clearly beat the best Markov chain (bits per character)");
    }

    [Test, Order(2)]
    public void The_shipped_Grimm_GPT_beats_the_LSTM_and_every_Markov_order_on_the_held_out_tenth()
    {
        var (gpt, vocab, command) = PretrainedModels.GrimmGpt();
        Assert.That(vocab.Characters, Is.EqualTo(vocabulary.Characters), "the alphabet of the whole corpus, as in chapter 07");
        Assert.That(command, Does.StartWith("genai train gpt --corpus grimm"));
        Assert.That(gpt.parameters().Sum(p => p.numel()), Is.EqualTo(gpt.Config.ParameterCount));
        int context = gpt.Config.BlockSize;
        double bpc = BitsPerCharacter.Evaluate(gpt, [.. train[^context..], .. heldOut], from: context);
        if (double.IsNaN(lstmBpc))
        {
            var lstm = PretrainedModels.GrimmLstm().Model;
            lstmBpc = BitsPerCharacter.FromMeanLoss(CharRnnTraining.HeldOutLoss(lstm, heldOut, train[^1000..]), heldOut.Length, heldOut.Length);
        }
        TestContext.Out.WriteLine($"GPT {bpc:F4} bpc, LSTM {lstmBpc:F4} bpc, best Markov chain {bestMarkov:F4} bpc");
        Assert.That(bpc, Is.LessThan(lstmBpc), "the shipped GPT must beat the shipped LSTM on the same held-out text (bits per character)");
        Assert.That(bpc, Is.LessThan(bestMarkov - 0.1), "and clearly beat the best Markov chain");
    }

    [Test]
    public void The_shipped_Grimm_GPT_writes_words_that_occur_in_the_fairy_tales()
    {
        var (gpt, vocab, _) = PretrainedModels.GrimmGpt();
        var known = Words().Matches(corpusText).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var text = vocab.Decode(gpt.Generate(vocab.Encode("Es war einmal ein König, der "), 1500, new SamplingOptions(0.8), new Random(5)));
        var words = Words().Matches(text).Select(m => m.Value).Skip(1).SkipLast(1).ToArray();   // the first and last may be cut
        double share = words.Count(known.Contains) / (double)words.Length;
        TestContext.Out.WriteLine($"{words.Length} words, {share:P1} of them in the corpus:\n{text}");
        Assert.That(words, Has.Length.GreaterThan(150), "about 1.500 characters of prose hold far more than 150 words");
        Assert.That(share, Is.GreaterThan(0.9), "at temperature 0,8 nearly every word it writes should be a real word of the tales");
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
