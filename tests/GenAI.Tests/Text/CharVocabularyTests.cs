using GenAI.Text;

namespace GenAI.Tests.Text;

public class CharVocabularyTests
{
    [Test]
    public void Encode_then_decode_gives_the_text_back_and_ids_follow_sorted_characters()
    {
        var vocab = CharVocabulary.Build("Es war einmal ein König.");
        Assert.That(vocab.Size, Is.EqualTo("Es war einmal ein König.".Distinct().Count()));
        Assert.That(vocab.Characters, Is.Ordered);
        Assert.That(vocab.Decode(vocab.Encode("ein König war.")), Is.EqualTo("ein König war."));
        Assert.That(vocab.IdOf(' '), Is.EqualTo(0));
    }

    [Test]
    public void An_unknown_character_is_a_readable_error()
    {
        var vocab = CharVocabulary.Build("abc");
        var error = Assert.Throws<ArgumentException>(() => vocab.Encode("abz"));
        Assert.That(error!.Message, Does.Contain("„z“"));
    }

    [Test]
    public void The_held_out_split_is_the_last_ten_percent()
    {
        var (train, heldOut) = HeldOutSplit.Split("0123456789");
        Assert.That((train, heldOut), Is.EqualTo(("012345678", "9")));
        var (ids, rest) = HeldOutSplit.Split(Enumerable.Range(0, 1000).ToArray());
        Assert.That(ids, Has.Length.EqualTo(900));
        Assert.That(rest, Is.EqualTo(Enumerable.Range(900, 100)));
    }
}
