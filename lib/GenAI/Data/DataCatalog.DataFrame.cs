using Microsoft.Data.Analysis;

namespace GenAI.Data;

public static partial class DataCatalog
{
    /// <summary>
    /// The course's datasets and corpora at a glance, one row per entry of <see cref="All"/>: "Name", "Art"
    /// ("Bilder" or "Text"), "Beschreibung", "Lizenz" and "Dateien" (0 for data shipped inside the library).
    /// </summary>
    public static DataFrame ToDataFrame()
    {
        var all = All;
        return new DataFrame(
            new StringDataFrameColumn("Name", all.Select(e => e.Name)),
            new StringDataFrameColumn("Art", all.Select(e => e.Kind)),
            new StringDataFrameColumn("Beschreibung", all.Select(e => e.Description)),
            new StringDataFrameColumn("Lizenz", all.Select(e => e.License)),
            new Int32DataFrameColumn("Dateien", all.Select(e => e.Files.Count)));
    }
}
