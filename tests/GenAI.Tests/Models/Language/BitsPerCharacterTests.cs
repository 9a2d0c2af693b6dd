using GenAI.Models;
using GenAI.Text;

namespace GenAI.Tests.Models.Language;

public class BitsPerCharacterTests
{
    [Test]
    public void A_uniform_model_costs_log2_of_the_alphabet_size()
    {
        var vocab = CharVocabulary.Build("Es war einmal ein König, der hatte drei Töchter.");
        var ids = vocab.Encode("ein König");
        Assert.That(BitsPerCharacter.Evaluate(new UniformModel(vocab.Size), ids), Is.EqualTo(Math.Log2(vocab.Size)).Within(1e-12));
    }

    [Test]
    public void Mean_loss_in_nats_converts_to_bits_per_character()
    {
        Assert.That(BitsPerCharacter.FromMeanLoss(Math.Log(2), tokens: 10, characters: 10), Is.EqualTo(1).Within(1e-12));
        // A token model: 5 tokens at ln 4 nats each spelling 20 characters → 10 bits / 20 characters.
        Assert.That(BitsPerCharacter.FromMeanLoss(Math.Log(4), tokens: 5, characters: 20), Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Markov_probabilities_sum_to_one_in_every_context_including_unseen_ones()
    {
        var vocab = CharVocabulary.Build("abcd");
        var model = CharMarkovModel.Train(vocab.Encode("abcabcabdab"), order: 2, vocab.Size);
        foreach (var context in new[] { "ab", "ca", "dd", "b", "" })
        {
            double sum = 0;
            foreach (var c in "abcd")
            {
                var ids = vocab.Encode(context + c);
                sum += model.Probability(ids, ids.Length - 1);
            }
            Assert.That(sum, Is.EqualTo(1).Within(1e-12), $"context „{context}“");
        }
    }

    [Test]
    public void Witten_Bell_matches_a_hand_computation()
    {
        // Text "abab": unigram counts a 2, b 2 (T = 2, N = 4); after "a": b 2 (T = 1, N = 2).
        var vocab = CharVocabulary.Build("abc");
        var model = CharMarkovModel.Train(vocab.Encode("abab"), order: 1, vocab.Size);
        double uniform = 1 / 3.0;
        double unigramB = (2 + 2 * uniform) / (4 + 2);
        double bigramB = (2 + 1 * unigramB) / (2 + 1);
        Assert.That(model.Probability(vocab.Encode("ab"), 1), Is.EqualTo(bigramB).Within(1e-12));
        double unigramC = (0 + 2 * uniform) / 6;
        Assert.That(model.Probability(vocab.Encode("ac"), 1), Is.EqualTo((0 + unigramC) / 3).Within(1e-12));
    }

    [Test]
    public void Higher_order_Markov_chains_fit_a_repetitive_text_better()
    {
        var text = string.Concat(Enumerable.Repeat("der hund bellt, die katze schläft. ", 40));
        var vocab = CharVocabulary.Build(text);
        var (train, heldOut) = HeldOutSplit.Split(vocab.Encode(text));
        var bpc = Enumerable.Range(0, 4).Select(n => BitsPerCharacter.Evaluate(CharMarkovModel.Train(train, n, vocab.Size), heldOut)).ToArray();
        Assert.That(bpc, Is.Ordered.Descending);
        Assert.That(bpc[0], Is.LessThan(Math.Log2(vocab.Size)));
    }
}
