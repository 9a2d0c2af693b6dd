using GenAI.Display;

namespace GenAI.Tests.Display;

public class TableFormatterTests
{
    private sealed record Sample(string Wort, int Anzahl, double Anteil);

    [Test]
    public void Records_become_an_html_table_without_any_registration_call()
    {
        var bundle = Formatter.ToMimeBundle(new[] { new Sample("der", 41, 0.041), new Sample("Äpfel", 3, 0.003) });
        var html = bundle[MimeBundle.TextHtml];
        Assert.That(html, Does.Contain(">Wort</th>").And.Contain(">Anzahl</th>").And.Contain(">Anteil</th>"));
        Assert.That(html, Does.Contain("<td style=\"text-align:left\">Äpfel</td><td style=\"text-align:right\">3</td>"));
        Assert.That(bundle[MimeBundle.TextPlain].Split('\n')[0], Is.EqualTo("Wort  | Anzahl | Anteil"));
    }

    [Test]
    public void Long_sequences_are_capped_with_the_number_of_hidden_rows()
    {
        var bundle = Formatter.ToMimeBundle(Enumerable.Range(0, 1234).Select(i => new { Nummer = i, Quadrat = i * i }));
        var html = bundle[MimeBundle.TextHtml];
        Assert.That(html, Does.Contain("… 1.214 weitere Zeilen"));
        Assert.That(html.Split("<tr>").Length - 1, Is.EqualTo(1 + TableFormatter.MaxRows + 1));
    }

    [Test]
    public void Endless_sequences_stop_counting()
    {
        static IEnumerable<int> Forever() { int i = 0; while (true) yield return i++; }
        var text = Formatter.ToMimeBundle(Forever())[MimeBundle.TextPlain];
        Assert.That(text, Does.Contain("mehr als 100.000 weitere Zeilen"));
    }

    [Test]
    public void Tuples_and_dictionaries_get_their_own_headers()
    {
        Assert.That(Formatter.ToMimeBundle(new[] { (1, "a"), (2, "b") })[MimeBundle.TextHtml], Does.Contain(">Item1</th>").And.Contain(">Item2</th>"));
        Assert.That(Formatter.ToMimeBundle(new Dictionary<string, int> { ["Hund"] = 1 })[MimeBundle.TextHtml], Does.Contain(">Schlüssel</th>").And.Contain(">Hund</td>"));
    }

    [Test]
    public void Strings_and_bundles_are_not_tables()
    {
        Assert.That(Formatter.ToMimeBundle("Hallo").ContainsKey(MimeBundle.TextHtml), Is.False);
        var own = MimeBundle.PlainText("x");
        Assert.That(Formatter.ToMimeBundle(own), Is.SameAs(own));
    }

    [Test]
    public void Plain_values_get_one_column_and_matrices_a_grid()
    {
        Assert.That(Formatter.ToMimeBundle(new List<double> { 1.5, 2 })[MimeBundle.TextPlain], Is.EqualTo("Wert\n----\n 1.5\n   2"));
        var matrix = Formatter.ToMimeBundle(new[,] { { 1, 2 }, { 3, 4 } })[MimeBundle.TextHtml];
        Assert.That(matrix, Does.Contain("<td style=\"text-align:right\">4</td>"));
    }

    [Test]
    public void Cell_text_is_html_escaped()
    {
        var html = Formatter.ToMimeBundle(new[] { new { Code = "<b>&</b>" } })[MimeBundle.TextHtml];
        Assert.That(html, Does.Contain("&lt;b&gt;&amp;&lt;/b&gt;"));
    }
}
