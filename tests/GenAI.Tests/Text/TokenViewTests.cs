using GenAI.Text;

namespace GenAI.Tests.Text;

public class TokenViewTests
{
    [Test]
    public void The_view_colours_every_token_titles_it_with_its_id_and_counts_tokens_and_characters()
    {
        TestData.RequireRankFile("cl100k_base");
        var view = new TokenView(TiktokenEncoding.Get("cl100k_base"), "Hallo Welt!");
        Assert.That(view.Ids, Is.EqualTo(TiktokenEncoding.Get("cl100k_base").Encode("Hallo Welt!")));
        Assert.That(view.Summary, Is.EqualTo($"{view.TokenCount} Tokens, 11 Zeichen"));
        var html = view.ToMimeBundle()["text/html"];
        foreach (int id in view.Ids) Assert.That(html, Does.Contain($"title=\"Token {id}\""));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<span title=").Count, Is.EqualTo(view.TokenCount));
        Assert.That(view.ToMimeBundle()["text/plain"], Does.StartWith(view.Summary).And.Contain("│"));
    }

    [Test]
    public void Tokens_that_split_an_emoji_are_shown_as_one_piece_listing_all_ids()
    {
        TestData.RequireRankFile("cl100k_base");
        var enc = TiktokenEncoding.Get("cl100k_base");
        var view = new TokenView(enc, "🌍");
        Assert.That(view.TokenCount, Is.GreaterThan(1));
        Assert.That(view.CharacterCount, Is.EqualTo(1));
        Assert.That(view.Pieces, Has.Count.EqualTo(1));
        Assert.That(view.Pieces[0].Text, Is.EqualTo("🌍"));
        Assert.That(view.ToHtml(), Does.Contain($"title=\"Tokens {string.Join(", ", view.Ids)}\""));
    }

    [Test]
    public void Html_special_characters_are_escaped_and_an_empty_text_shows_zero_tokens()
    {
        var tokenizer = BpeTokenizer.Train("<b>fett</b> & mehr", 256);
        var html = new TokenView(tokenizer, "<b>&").ToHtml();
        Assert.That(html, Does.Contain("&lt;").And.Contain("&amp;").And.Not.Contain("<b>&"));
        Assert.That(new TokenView(tokenizer, "").Summary, Is.EqualTo("0 Tokens, 0 Zeichen"));
    }
}
