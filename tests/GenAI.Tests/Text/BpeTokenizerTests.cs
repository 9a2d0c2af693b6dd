using System.Text;
using GenAI.Text;

namespace GenAI.Tests.Text;

public class BpeTokenizerTests
{
    [Test]
    public void Training_on_the_Sennrich_example_learns_the_merges_from_the_paper()
    {
        // Sennrich et al. (2016), Fig. 1: {low: 5, lower: 2, newest: 6, widest: 3}, "_" standing for </w>.
        var text = string.Concat(Enumerable.Repeat("low_ ", 5)) + string.Concat(Enumerable.Repeat("lower_ ", 2)) +
                   string.Concat(Enumerable.Repeat("newest_ ", 6)) + string.Concat(Enumerable.Repeat("widest_ ", 3));
        var tokenizer = BpeTokenizer.Train(text, 256 + 10, pattern: "[^ ]+");
        Assert.That(tokenizer.Merges.Select(m => m.Text),
            Is.EqualTo(new[] { "es", "est", "est_", "lo", "low", "ne", "new", "newest_", "low_", "wi" }));
        Assert.That(tokenizer.Merges.Select(m => m.Count), Is.EqualTo(new long[] { 9, 9, 9, 7, 7, 6, 6, 6, 5, 3 }));
        Assert.That(tokenizer.Merges.Select(m => m.Id), Is.EqualTo(Enumerable.Range(256, 10)));
    }

    [Test]
    public void Training_on_aaabdaaabac_compresses_it_to_five_tokens()
    {
        var tokenizer = BpeTokenizer.Train("aaabdaaabac", 259, pattern: ".+");
        Assert.That(tokenizer.Merges.Select(m => (m.Text, m.Count)), Is.EqualTo(new[] { ("aa", 4L), ("aaa", 2L), ("aaab", 2L) }));
        var ids = tokenizer.Encode("aaabdaaabac");
        Assert.That(ids, Is.EqualTo(new[] { 258, 'd', 258, 'a', 'c' }));
    }

    [Test]
    public void Training_stops_when_no_pair_repeats()
    {
        var tokenizer = BpeTokenizer.Train("abcdef", 1000);
        Assert.That(tokenizer.Merges, Is.Empty);
        Assert.That(tokenizer.VocabularySize, Is.EqualTo(256));
    }

    [TestCase("")]
    [TestCase("   \t\t\n\n\r\n   ")]
    [TestCase("👩‍💻 arbeitet, 👨‍👩‍👧 schaut zu 🇩🇪")]
    [TestCase("Grüße aus Köln: Ärger, Öl, Übermut, Straße, ẞ")]
    [TestCase("Es war einmal ein König, der hatte drei Töchter.")]
    public void Encode_then_decode_returns_the_text(string text)
    {
        var tokenizer = BpeTokenizer.Train(Corpus, 400);
        var ids = tokenizer.Encode(text);
        Assert.That(tokenizer.Decode(ids), Is.EqualTo(text));
        Assert.That(tokenizer.CountTokens(text), Is.EqualTo(ids.Length));
        Assert.That(ids, Has.All.LessThan(tokenizer.VocabularySize));
    }

    [Test]
    public void Merge_counts_never_increase_and_every_merged_pair_occurred_at_least_twice()
    {
        var tokenizer = BpeTokenizer.Train(Corpus, 400);
        var counts = tokenizer.Merges.Select(m => m.Count).ToList();
        Assert.That(counts, Is.Ordered.Descending);
        Assert.That(counts, Has.All.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void Training_on_Grimm_fairy_tales_gives_about_three_characters_per_token()
    {
        var text = TestData.Grimm[..400_000];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tokenizer = BpeTokenizer.Train(text, 1024);
        TestContext.Out.WriteLine($"trained 768 merges on {text.Length:N0} chars in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.That(tokenizer.Merges, Has.Count.EqualTo(768));
        var sample = text[..20000];
        var ids = tokenizer.Encode(sample);
        Assert.That(tokenizer.Decode(ids), Is.EqualTo(sample));
        Assert.That(sample.Length / (double)ids.Length, Is.InRange(2.5, 5.0));
    }

    [Test]
    public void Decoding_a_token_that_splits_a_utf8_character_keeps_its_bytes_and_shows_a_replacement_character()
    {
        var tokenizer = BpeTokenizer.Train(Corpus, 300);
        var ids = tokenizer.Encode("€"); // E2 82 AC: never merged in a German fairy-tale corpus
        Assert.That(ids, Is.EqualTo(new[] { 0xE2, 0x82, 0xAC }));
        Assert.That(tokenizer.DecodeBytes([ids[0]]), Is.EqualTo(new byte[] { 0xE2 }));
        Assert.That(tokenizer.Decode([ids[0]]), Is.EqualTo("\uFFFD"));
        Assert.That(tokenizer.Decode(ids), Is.EqualTo("€"));
        Assert.That(BpeTokenizer.Readable([0xE2, 0x82]), Is.EqualTo("\\xE2\\x82"));
    }

    [Test]
    public void Saving_and_loading_keeps_merges_special_tokens_and_ids()
    {
        var tokenizer = BpeTokenizer.Train(Corpus, 320, specialTokens: ["<|ende|>"]);
        var path = Path.Combine(Path.GetTempPath(), $"bpe-{Guid.NewGuid():N}.json");
        try
        {
            tokenizer.Save(path);
            var loaded = BpeTokenizer.Load(path);
            Assert.That(loaded.Merges, Is.EqualTo(tokenizer.Merges));
            Assert.That(loaded.SpecialTokens, Is.EqualTo(tokenizer.SpecialTokens));
            var text = "Der Wolf kam.<|ende|>";
            Assert.That(loaded.Encode(text, SpecialTokens.All), Is.EqualTo(tokenizer.Encode(text, SpecialTokens.All)));
            Assert.That(loaded.Encode(text, SpecialTokens.All)[^1], Is.EqualTo(256 + tokenizer.Merges.Count));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Loading_a_file_that_is_not_a_tokenizer_names_the_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bpe-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"merges\": [[300, 1, 5]], \"pattern\": \".\"}");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => BpeTokenizer.Load(path));
            Assert.That(e!.Message, Does.Contain("Merge 0"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Special_tokens_in_text_are_rejected_unless_allowed()
    {
        var tokenizer = BpeTokenizer.Train(Corpus, 300, specialTokens: ["<|ende|>"]);
        Assert.Throws<DisallowedSpecialTokenException>(() => tokenizer.Encode("a<|ende|>"));
        Assert.That(tokenizer.Encode("a<|ende|>", SpecialTokens.All), Is.EqualTo(new[] { 'a', 300 }));
    }

    private const string Corpus =
        "Es war einmal ein König, der hatte eine Tochter, die war so schön, dass die Sonne selber sich verwunderte. " +
        "Der König und die Königin gingen in den Wald, und der Wolf kam und fraß die Großmutter. " +
        "Da sprach die Königin zu dem König: Wir wollen in den Wald gehen und sehen, was der Wolf macht. " +
        "Es war einmal ein armer Müller, der hatte drei Söhne, und die Söhne gingen in die Welt hinaus.";
}
