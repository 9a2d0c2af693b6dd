using GenAI.Data;

namespace GenAI.Tests.Data;

public class DataCatalogDataFrameTests
{
    [Test]
    public void The_overview_has_one_row_per_dataset()
    {
        var all = DataCatalog.All;
        var frame = DataCatalog.ToDataFrame();
        Assert.That(frame.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Name", "Art", "Beschreibung", "Lizenz", "Dateien" }));
        Assert.That(frame.Rows.Count, Is.EqualTo(all.Count));
        for (int r = 0; r < all.Count; r++)
            Assert.That(new[] { frame.Columns["Name"][r], frame.Columns["Art"][r], frame.Columns["Beschreibung"][r],
                frame.Columns["Lizenz"][r], frame.Columns["Dateien"][r] },
                Is.EqualTo(new object[] { all[r].Name, all[r].Kind, all[r].Description, all[r].License, all[r].Files.Count }));
    }
}
