using Microsoft.Data.Analysis;

namespace GenAI.Text;

public sealed partial class BpeTokenizer
{
    /// <summary>
    /// How the vocabulary grew, one row per merge in <see cref="Merges"/>: "Schritt" (1, 2, …), the pair's "Links" and
    /// "Rechts" decoded, the "Neues Token" and its "Häufigkeit" (how often the pair occurred at that step).
    /// </summary>
    public DataFrame ToDataFrame() => new(
        new Int32DataFrameColumn("Schritt", Merges.Select(m => m.Id - 255)),
        new StringDataFrameColumn("Links", Merges.Select(m => Decode([m.Left]))),
        new StringDataFrameColumn("Rechts", Merges.Select(m => Decode([m.Right]))),
        new StringDataFrameColumn("Neues Token", Merges.Select(m => m.Text)),
        new Int64DataFrameColumn("Häufigkeit", Merges.Select(m => m.Count)));
}
