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
        Assert.That(Formatter.ToMimeBundle(new Dictionary<string, int> { ["Hund"] = 1 })[MimeBundle.TextHtml],
            Does.Contain(">Schlüssel</th>").And.Contain(">Hund</td>"));
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
        Assert.That(Formatter.ToMimeBundle(new List<double> { 1.5, 2 })[MimeBundle.TextPlain], Is.EqualTo("Wert\n----\n 1,5\n   2"));
        var matrix = Formatter.ToMimeBundle(new[,] { { 1, 2 }, { 3, 4 } })[MimeBundle.TextHtml];
        Assert.That(matrix, Does.Contain("<td style=\"text-align:right\">4</td>"));
    }

    [Test]
    public void Cell_text_is_html_escaped()
    {
        var html = Formatter.ToMimeBundle(new[] { new { Code = "<b>&</b>" } })[MimeBundle.TextHtml];
        Assert.That(html, Does.Contain("&lt;b&gt;&amp;&lt;/b&gt;"));
    }

    private sealed record Messung(string Modell, double Fehler_in_Prozent, float LSTM_ms, long Schritte, int TokenId, bool Gelernt);

    [Test]
    public void Numbers_read_german_with_decimal_comma_thousands_period_and_real_minus()
    {
        var text = Formatter.ToMimeBundle(new[]
        {
            new Messung("klein", 16.8, 0.0239f, 12345, 43307, true),
            new Messung("groß", -1234.5, 1234.56789f, -7, 5, false),
        })[MimeBundle.TextPlain];
        Assert.That(text, Is.EqualTo(
            "Modell | Fehler in Prozent |  LSTM ms | Schritte | TokenId | Gelernt\n" +
            "-------+-------------------+----------+----------+---------+--------\n" +
            "klein  |              16,8 |   0,0239 |   12.345 |   43307 | ja\n" +
            "groß   |          −1.234,5 | 1.234,57 |       −7 |       5 | nein"));
    }

    [Test]
    public void Headers_turn_underscores_into_spaces_and_keep_acronyms()
    {
        var html = Formatter.ToMimeBundle(new[] { new { Pixel_Std = 0.28, Attention_mit_Gewichten_ms = 0.21, KL__Term_ = 1 } })[MimeBundle.TextHtml];
        Assert.That(html, Does.Contain(">Pixel Std</th>").And.Contain(">Attention mit Gewichten ms</th>").And.Contain(">KL Term</th>"));
    }

    private sealed record Benannt([property: System.ComponentModel.DisplayName("Fehler in %")] double Fehler);

    [Test]
    public void A_display_name_attribute_overrides_the_member_name()
    {
        var html = Formatter.ToMimeBundle(new[] { new Benannt(0.5) })[MimeBundle.TextHtml];
        Assert.That(html, Does.Contain(">Fehler in %</th>").And.Contain(">0,5</td>"));
    }

    [TestCase(0.1, "0,1")]
    [TestCase(2.0 / 3, "0,666667")]
    [TestCase(123456.789, "123.457")]
    [TestCase(1234567.0, "1.234.567")]
    [TestCase(0.000015, "1,5 · 10⁻⁵")]
    [TestCase(-2.5e20, "−2,5 · 10²⁰")]
    [TestCase(0.0, "0")]
    [TestCase(double.NaN, "–")]
    public void Floating_point_cells_keep_six_significant_digits_without_trailing_zeros(double value, string expected) =>
        Assert.That(TableFormatter.Number(value), Is.EqualTo(expected));

    [Test]
    public void DataFrame_columns_read_german_like_every_other_table()
    {
        var frame = new Microsoft.Data.Analysis.DataFrame(
            new Microsoft.Data.Analysis.StringDataFrameColumn("Wort", ["Hase", "Igel"]),
            new Microsoft.Data.Analysis.Int32DataFrameColumn("Anzahl_gesamt", [1234, 7]),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("Anteil", [0.0239, 1234.5]));
        Assert.That(Formatter.ToMimeBundle(frame)[MimeBundle.TextPlain], Is.EqualTo(
            "Wort | Anzahl gesamt |  Anteil\n" +
            "-----+---------------+--------\n" +
            "Hase |         1.234 |  0,0239\n" +
            "Igel |             7 | 1.234,5"));
    }

    [Test]
    public void A_long_dataframe_is_capped_with_the_number_of_hidden_rows()
    {
        var frame = new Microsoft.Data.Analysis.DataFrame(
            new Microsoft.Data.Analysis.Int32DataFrameColumn("Schritt", Enumerable.Range(1, 1234)),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("Verlust_pro_Token", Enumerable.Range(1, 1234).Select(i => 1.0 / i)));
        var html = Formatter.ToMimeBundle(frame)[MimeBundle.TextHtml];
        Assert.That(html, Does.Contain(">Verlust pro Token</th>").And.Contain("… 1.214 weitere Zeilen"));
        Assert.That(html, Does.Contain("<td style=\"text-align:right\">0,333333</td>"));
        Assert.That(html.Split("<tr>").Length - 1, Is.EqualTo(1 + TableFormatter.MaxRows + 1));
    }

    [Test]
    public void Missing_dataframe_values_are_empty_cells()
    {
        var frame = new Microsoft.Data.Analysis.DataFrame(
            new Microsoft.Data.Analysis.StringDataFrameColumn("Wort", ["Hase", null]),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("Anteil", [0.5, null]));
        Assert.That(TableFormatter.ToPlainText(frame), Is.EqualTo("Wort | Anteil\n-----+-------\nHase |    0,5\n     |"));
    }

    [Test]
    public void A_single_dataframe_column_shows_under_its_own_name()
    {
        var column = new Microsoft.Data.Analysis.Int64DataFrameColumn("Häufigkeit_gesamt", [12345L, 6L]);
        Assert.That(Formatter.ToMimeBundle(column)[MimeBundle.TextPlain],
            Is.EqualTo("Häufigkeit gesamt\n-----------------\n           12.345\n                6"));
    }
}
