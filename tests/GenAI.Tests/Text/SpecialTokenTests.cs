using GenAI.Text;

namespace GenAI.Tests.Text;

/// <summary>allowed_special / disallowed_special exactly as tiktoken's encode handles them.</summary>
public class SpecialTokenTests
{
    private static TiktokenEncoding Cl100k()
    {
        TestData.RequireRankFile("cl100k_base");
        return TiktokenEncoding.Get("cl100k_base");
    }

    [Test]
    public void Special_token_text_raises_by_default()
    {
        var enc = Cl100k(); // outside Assert.Throws, so a missing rank file can never turn into a failure
        var e = Assert.Throws<DisallowedSpecialTokenException>(() => enc.Encode("Hallo <|endoftext|> Welt"));
        Assert.That(e!.Token, Is.EqualTo("<|endoftext|>"));
        Assert.That(e.Message, Does.Contain("allowedSpecial"));
    }

    [Test]
    public void Allowed_special_tokens_become_their_ids()
    {
        var enc = Cl100k();
        Assert.That(enc.Encode("<|endoftext|>", SpecialTokens.All), Is.EqualTo(new[] { 100257 }));
        Assert.That(enc.Encode("a<|fim_prefix|>b<|endofprompt|>", SpecialTokens.All),
            Is.EqualTo(enc.Encode("a").Concat([100258]).Concat(enc.Encode("b")).Concat([100276])));
        Assert.That(enc.Encode("x<|endoftext|>", ["<|endoftext|>"]), Is.EqualTo(enc.Encode("x").Append(100257)));
    }

    [Test]
    public void A_special_token_that_is_not_allowed_still_raises_when_another_is_allowed()
    {
        var enc = Cl100k();
        Assert.Throws<DisallowedSpecialTokenException>(() => enc.Encode("<|endoftext|><|fim_prefix|>", ["<|endoftext|>"]));
    }

    [Test]
    public void With_nothing_disallowed_special_token_text_is_ordinary_text()
    {
        var enc = Cl100k();
        var ids = enc.Encode("<|endoftext|>", SpecialTokens.None, SpecialTokens.None);
        Assert.That(ids, Is.EqualTo(enc.EncodeOrdinary("<|endoftext|>")));
        Assert.That(ids, Has.Length.GreaterThan(1));
        Assert.That(enc.Decode(ids), Is.EqualTo("<|endoftext|>"));
    }

    [Test]
    public void Special_tokens_encode_like_tiktoken_when_all_are_allowed()
    {
        var enc = Cl100k();
        var texts = new[]
        {
            "<|endoftext|>", "a<|endoftext|>b", "<|fim_prefix|>x<|fim_suffix|>y<|fim_middle|>", "<|endoftext|<|endoftext|>>", " <|endofprompt|>\n",
        };
        var expected = TiktokenOracle.Encode("cl100k_base", texts, allowAllSpecial: true);
        for (int i = 0; i < texts.Length; i++) Assert.That(enc.Encode(texts[i], SpecialTokens.All), Is.EqualTo(expected[i]), texts[i]);
    }

    [Test]
    public void Decoding_special_and_unknown_ids()
    {
        var enc = Cl100k();
        Assert.That(enc.Decode([100257]), Is.EqualTo("<|endoftext|>"));
        Assert.Throws<ArgumentOutOfRangeException>(() => enc.Decode([100256]));
        Assert.That(enc.VocabularySize, Is.EqualTo(100277));
    }

    [Test]
    public void An_unknown_encoding_name_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => TiktokenEncoding.Get("cl200k"));
        Assert.That(e!.Message, Does.Contain("cl100k_base").And.Contain("o200k_base"));
    }
}
