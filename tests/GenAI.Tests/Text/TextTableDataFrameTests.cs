using GenAI.Text;

namespace GenAI.Tests.Text;

/// <summary>The text chapter's tables as DataFrames: tokens, BPE merges, Shannon's votes.</summary>
public class TextTableDataFrameTests
{
    [Test]
    public void A_token_table_has_each_tokens_id_bytes_and_text()
    {
        var gpt2 = TiktokenEncoding.Get("gpt2");
        var view = new TokenView(gpt2, "Äpfel, Öl und Übermut");
        var frame = view.ToDataFrame();
        Assert.That(frame.Columns.Select(c => c.Name), Is.EqualTo(new[] { "ID", "Bytes", "Text" }));
        Assert.That(frame.Rows.Count, Is.EqualTo(view.TokenCount));
        for (int r = 0; r < view.TokenCount; r++)
        {
            int id = view.Ids[r];
            Assert.That(frame.Columns["ID"][r], Is.EqualTo(id));
            Assert.That(frame.Columns["Bytes"][r], Is.EqualTo(Convert.ToHexString(gpt2.TokenBytes(id))));
            Assert.That(frame.Columns["Text"][r], Is.EqualTo(gpt2.Decode([id])));
        }
    }

    [Test]
    public void The_merge_table_lists_every_merge_with_its_pair_and_count()
    {
        var bpe = BpeTokenizer.Train("der Hase und der Igel, der Hase und der Igel", 270);
        var frame = bpe.ToDataFrame();
        Assert.That(frame.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Schritt", "Links", "Rechts", "Neues Token", "Häufigkeit" }));
        Assert.That(frame.Rows.Count, Is.EqualTo(bpe.Merges.Count));
        for (int r = 0; r < bpe.Merges.Count; r++)
        {
            var m = bpe.Merges[r];
            Assert.That(new[] { frame.Columns["Schritt"][r], frame.Columns["Links"][r], frame.Columns["Rechts"][r],
                frame.Columns["Neues Token"][r], frame.Columns["Häufigkeit"][r] },
                Is.EqualTo(new object[] { r + 1, bpe.Decode([m.Left]), bpe.Decode([m.Right]), m.Text, m.Count }));
        }
    }

    [Test]
    public void Chapter_04_shows_the_first_merges_and_later_ones_in_one_table()
    {
        var bpe = BpeTokenizer.Train("der Hase und der Igel, der Hase und der Igel, die Hasen und die Igel", 280);
        var merges = bpe.ToDataFrame();
        var shown = merges.Head(3).Append(merges.Rows.Skip(10).Take(2));
        Assert.That(Enumerable.Range(0, 5).Select(r => shown.Columns["Schritt"][r]), Is.EqualTo(new[] { 1, 2, 3, 11, 12 }));
        Assert.That(shown.Columns["Neues Token"][3], Is.EqualTo(bpe.Merges[10].Text));
        Assert.That(shown.Columns["Häufigkeit"][4], Is.EqualTo(bpe.Merges[11].Count));
    }

    [Test]
    public void The_vote_table_lists_each_continuation_with_votes_and_share()
    {
        var chain = MarkovChain.Train("Der Hund schläft. Der Hund bellt. Der Igel schläft.", order: 1);
        var votes = chain.NextTokenDistribution("Der");
        var frame = votes.ToDataFrame();
        Assert.That(frame.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Fortsetzung", "Stimmen", "Anteil" }));
        Assert.That(frame.Rows.Count, Is.EqualTo(votes.Count));
        for (int r = 0; r < votes.Count; r++)
            Assert.That(new[] { frame.Columns["Fortsetzung"][r], frame.Columns["Stimmen"][r], frame.Columns["Anteil"][r] },
                Is.EqualTo(new object[] { votes[r].Token, votes[r].Votes, votes[r].Probability }));
    }
}
