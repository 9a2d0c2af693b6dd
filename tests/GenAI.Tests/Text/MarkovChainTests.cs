using GenAI.Text;

namespace GenAI.Tests.Text;

public class MarkovChainTests
{
    private const string Tiny = "Der Hund bellt. Der Hund schläft. Der Kater schläft. Die Katze bellt nicht.";

    [Test]
    public void Votes_on_a_tiny_corpus_equal_hand_counts()
    {
        var chain = MarkovChain.Train(Tiny, order: 1);
        var afterDer = chain.NextTokenDistribution("Der");
        Assert.That(afterDer.Select(c => (c.Token, c.Votes)), Is.EqualTo(new[] { ("Hund", 2.0), ("Kater", 1.0) }));
        Assert.That(afterDer.Select(c => c.Probability), Is.EqualTo(new[] { 2 / 3.0, 1 / 3.0 }).Within(1e-12));

        var afterSchlaeft = chain.NextTokenDistribution("schläft");
        Assert.That(afterSchlaeft.Select(c => (c.Token, c.Votes)), Is.EqualTo(new[] { (".", 2.0) }));

        var order2 = MarkovChain.Train(Tiny, order: 2);
        Assert.That(order2.NextTokenDistribution("Der Hund").Select(c => (c.Token, c.Votes)),
            Is.EqualTo(new[] { ("bellt", 1.0), ("schläft", 1.0) }));
        Assert.That(order2.NextTokenDistribution("bellt .").Select(c => c.Token), Is.EqualTo(new[] { NextTokenDistribution.EndLabel }));
        // A context shorter than the order means "at the start of a sentence".
        Assert.That(order2.NextTokenDistribution("").Select(c => (c.Token, c.Votes)), Is.EqualTo(new[] { ("Der", 3.0), ("Die", 1.0) }));
        Assert.That(order2.SentenceCount, Is.EqualTo(4));
    }

    [Test]
    public void German_words_keep_umlauts_sharp_s_and_inner_apostrophes_and_punctuation_is_its_own_token()
    {
        var chain = MarkovChain.Train("»Ach, du bist's, alter Wasserpatscher,« sagte sie. Die Straße war groß.", order: 1);
        Assert.That(chain.NextTokenDistribution("du").Select(c => c.Token), Is.EqualTo(new[] { "bist's" }));
        Assert.That(chain.NextTokenDistribution("bist's").Select(c => c.Token), Is.EqualTo(new[] { "," }));
        Assert.That(chain.NextTokenDistribution("Straße").Select(c => c.Token), Is.EqualTo(new[] { "war" }));
        Assert.That(chain.NextTokenDistribution("»").Select(c => c.Token), Is.EqualTo(new[] { "Ach" }));
    }

    [Test]
    public void A_seeded_generation_is_reproducible()
    {
        var chain = MarkovChain.Train(Grimm(), order: 2);
        var a = chain.Generate("Es war", maxUnits: 40, seed: 7);
        var b = chain.Generate("Es war", maxUnits: 40, seed: 7);
        var c = chain.Generate("Es war", maxUnits: 40, seed: 8);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a, Is.Not.EqualTo(c));
        Assert.That(a, Does.StartWith("Es war "));
        Assert.That(chain.MakeSentence(new Random(3)), Is.EqualTo(chain.MakeSentence(new Random(3))));
    }

    [Test]
    public void Top_k_one_always_takes_the_most_voted_continuation()
    {
        var chain = MarkovChain.Train(Tiny, order: 1);
        Assert.That(chain.Generate("Der", maxUnits: 1, topK: 1, seed: 1), Is.EqualTo("Der Hund"));
        Assert.That(chain.Generate("Der", maxUnits: 1, temperature: 0.01, seed: 2), Is.EqualTo("Der Hund"));
    }

    [Test]
    public void The_novelty_check_rejects_a_verbatim_sentence_and_accepts_a_new_one()
    {
        var chain = MarkovChain.Train(Grimm(), order: 2);
        Assert.That(chain.IsNovel("In den alten Zeiten, wo das Wünschen noch geholfen hat, lebte ein König."), Is.False);
        Assert.That(chain.IsNovel("Der Frosch sprach zu dem König und der Fuchs lachte über die goldene Gans im Walde."), Is.True);
        var sentences = chain.MakeSentences(50, new Random(1)).ToList();
        Assert.That(sentences, Has.Count.GreaterThan(25));
        Assert.That(sentences, Has.All.Matches<string>(s => chain.IsNovel(s)));
        Assert.That(sentences, Has.All.Matches<string>(s => s.EndsWith('.') || s.EndsWith('!') || s.EndsWith('?') || s.EndsWith('«') || s.EndsWith(':')));
    }

    [Test]
    public void A_sentence_can_start_from_a_given_phrase()
    {
        var chain = MarkovChain.Train(Grimm(), order: 2);
        var sentence = chain.MakeSentenceWithStart("Da sprach", new Random(5), tries: 50);
        Assert.That(sentence, Does.StartWith("Da sprach "));
        Assert.Throws<ArgumentException>(() => chain.MakeSentenceWithStart("Quantencomputer rechnen", new Random(5)));
    }

    [Test]
    public void Combining_weights_the_votes_of_each_model()
    {
        var a = MarkovChain.Train("Der Hund bellt.", order: 1);
        var b = MarkovChain.Train("Der Kater schläft.", order: 1);
        var combined = MarkovChain.Combine((a, 3.0), (b, 1.0));
        Assert.That(combined.NextTokenDistribution("Der").Select(c => (c.Token, c.Votes)), Is.EqualTo(new[] { ("Hund", 3.0), ("Kater", 1.0) }));
        Assert.That(combined.IsNovel("Der Hund bellt."), Is.False);
    }

    [Test]
    public void Characters_and_tokens_can_be_the_units()
    {
        var chars = MarkovChain.Train("abab abab.", order: 2, unit: MarkovUnit.Characters);
        Assert.That(chars.NextTokenDistribution("ab").Select(c => (c.Token, c.Votes)), Is.EqualTo(new[] { ("a", 2.0), (" ", 1.0), (".", 1.0) }));

        var tokenizer = BpeTokenizer.Train("Der Hund bellt. Der Hund schläft. Der Hund bellt.", 270);
        var tokens = MarkovChain.Train("Der Hund bellt. Der Hund schläft.", order: 1, unit: MarkovUnit.Tokens, tokenizer: tokenizer);
        var text = tokens.Generate("Der", maxUnits: 3, topK: 1, seed: 1);
        Assert.That(text, Does.StartWith("Der Hund"));
    }

    [Test]
    public void Saving_and_loading_keeps_votes_and_generation()
    {
        var chain = MarkovChain.Train(Grimm()[..200_000], order: 2);
        var path = Path.Combine(Path.GetTempPath(), $"markov-{Guid.NewGuid():N}.json");
        try
        {
            chain.Save(path);
            var loaded = MarkovChain.Load(path);
            Assert.That(loaded.NextTokenDistribution("Es war").ToList(), Is.EqualTo(chain.NextTokenDistribution("Es war").ToList()));
            Assert.That(loaded.Generate("Es war", 30, seed: 11), Is.EqualTo(chain.Generate("Es war", 30, seed: 11)));
            Assert.That(loaded.MakeSentence(new Random(2)), Is.EqualTo(chain.MakeSentence(new Random(2))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void An_unknown_start_names_the_problem()
    {
        var chain = MarkovChain.Train(Tiny, order: 2);
        var e = Assert.Throws<ArgumentException>(() => chain.Generate("Quantencomputer rechnen"));
        Assert.That(e!.Message, Does.Contain("Quantencomputer rechnen"));
        Assert.That(chain.NextTokenDistribution("Quantencomputer rechnen"), Is.Empty);
    }

    [Test]
    public void The_distribution_displays_as_html_table_with_bars_and_as_text()
    {
        var chain = MarkovChain.Train(Tiny, order: 1);
        var bundle = chain.NextTokenDistribution("Der").ToMimeBundle();
        Assert.That(bundle["text/html"], Does.Contain("<table").And.Contain("Hund").And.Contain("Stimmen").And.Contain("width:100%"));
        Assert.That(bundle["text/html"], Does.Contain("width:50%"));
        Assert.That(bundle["text/plain"], Does.Contain("Hund").And.Contain("66,7").And.Contain("█"));
    }

    private static string Grimm() => TestData.Grimm;
}
