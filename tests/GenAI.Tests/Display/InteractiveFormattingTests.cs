using GenAI.Display;
using Microsoft.Data.Analysis;
using Interactive = Microsoft.DotNet.Interactive.Formatting;

namespace GenAI.Tests.Display;

/// <summary>
/// What the official .NET Interactive kernel shows once GenAI registered with its formatter: our German tables,
/// not its own views. The registration is the one <see cref="DisplayRegistration"/> makes when that kernel hosts us.
/// </summary>
[NonParallelizable]
public class InteractiveFormattingTests
{
    [SetUp]
    public void Register() => InteractiveFormatting.Register();

    [TearDown]
    public void Reset() => Interactive.Formatter.ResetToDefault();

    [Test]
    public void A_dataframe_shows_as_our_german_table_on_the_official_kernel()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("Fortsetzung", ["Hase", "Igel"]),
            new Int32DataFrameColumn("Stimmen_gesamt", [1234, 7]),
            new DoubleDataFrameColumn("Anteil", [0.99436, 0.00564]));
        var html = Interactive.Formatter.ToDisplayString(frame, MimeBundle.TextHtml);
        Assert.That(html, Is.EqualTo(TableFormatter.ToHtml(frame)));
        Assert.That(html, Does.Contain(">Stimmen gesamt</th>").And.Contain(">1.234</td>").And.Contain(">0,00564</td>"));
    }

    [Test]
    public void A_sequence_of_records_shows_with_the_same_look_as_a_dataframe()
    {
        var rows = new[] { new { Wort = "Hase", Anzahl = 1234 } };
        var frame = new DataFrame(new StringDataFrameColumn("Wort", ["Hase"]), new Int32DataFrameColumn("Anzahl", [1234]));
        Assert.That(Interactive.Formatter.ToDisplayString(rows, MimeBundle.TextHtml), Is.EqualTo(TableFormatter.ToHtml(frame)));
    }
}
