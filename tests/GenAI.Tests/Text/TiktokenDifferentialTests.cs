using System.Text;
using GenAI.Text;

namespace GenAI.Tests.Text;

/// <summary>Our ids against real tiktoken (WASM) on whole corpora and on random text made of the tricky characters.</summary>
public class TiktokenDifferentialTests
{
    private static readonly string[] Encodings = ["r50k_base", "p50k_base", "cl100k_base", "o200k_base"];

    // Characters and fragments where split patterns disagree easily: every class of the patterns, astral letters and
    // digits, marks, whitespace kinds, contractions (with the long s that Rust's case folding matches), CamelCase.
    private static readonly string[] Fragments =
    [
        "a", "Z", "é", "ß", "Ä", "ö", "ſ", "ǅ", "ʰ", "中", "ー", "\u0301", "\u0903", "\u20DD", "e\u0301", "𝐀", "𝐚", "𠀀", "𝟎", "١", "½", "Ⅻ",
        "0", "7", "123", "4567", " ", "  ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u3000", "\u2028", "\u0085", "'", "'s", "'S", "'ll", "'LL", "'Ve", "'re", "'ſ",
        "!", "?", ".", ",", "/", "//", "-", "_", "(", ")", "\"", "«", "»", "—", "…", "€", "😀", "👩‍💻", "🇩🇪", "\u200D", "\uFE0F",
        "Hello", "HELLO", "hello", "HeLLo", "iPhone", "XMLHttpRequest", "DON'T", "don't", "Grüße", "Straße", "naïve", "ĲSSEL", "ǈuk",
        "<|endoftext|>", "<|fim_prefix|>", "\ud800", "x\udc00",
    ];

    private static string RandomText(Random random, int fragments)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < fragments; i++) sb.Append(Fragments[random.Next(Fragments.Length)]);
        return sb.ToString();
    }

    [TestCaseSource(nameof(Encodings))]
    public void Random_tricky_text_encodes_like_tiktoken(string encoding)
    {
        TestData.RequireRankFile(encoding);
        var random = new Random(1234);
        var texts = Enumerable.Range(0, 3000).Select(i => RandomText(random, 1 + i % 12)).ToList();
        var expected = TiktokenOracle.Encode(encoding, texts);
        var enc = TiktokenEncoding.Get(encoding);
        var failures = new List<string>();
        for (int i = 0; i < texts.Count; i++)
        {
            var actual = enc.EncodeOrdinary(texts[i]);
            if (!actual.SequenceEqual(expected[i]))
                failures.Add($"{Escape(texts[i])}: tiktoken [{string.Join(",", expected[i])}] ours [{string.Join(",", actual)}]");
        }
        Assert.That(failures, Is.Empty);
    }

    [TestCaseSource(nameof(Encodings))]
    public void Whole_corpora_encode_like_tiktoken_and_round_trip(string encoding)
    {
        TestData.RequireRankFile(encoding);
        var texts = new List<string> { TestData.Grimm, File.ReadAllText(TestData.Require("en-tinyshakespeare.txt")) };
        var expected = TiktokenOracle.Encode(encoding, texts);
        var enc = TiktokenEncoding.Get(encoding);
        for (int i = 0; i < texts.Count; i++)
        {
            var actual = enc.EncodeOrdinary(texts[i]);
            Assert.That(actual.Length, Is.EqualTo(expected[i].Length), "token count");
            int firstDifference = actual.Zip(expected[i]).Select((p, k) => p.First == p.Second ? -1 : k).FirstOrDefault(k => k >= 0, -1);
            Assert.That(firstDifference, Is.EqualTo(-1), "first differing token index");
            Assert.That(enc.Decode(actual), Is.EqualTo(texts[i]));
        }
    }

    internal static string Escape(string s) =>
        string.Concat(s.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
