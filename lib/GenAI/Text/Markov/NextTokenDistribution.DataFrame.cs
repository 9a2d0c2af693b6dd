using Microsoft.Data.Analysis;

namespace GenAI.Text;

public sealed partial class NextTokenDistribution
{
    /// <summary>
    /// Shannon's vote table, every continuation most votes first: "Fortsetzung", "Stimmen" (how often it followed
    /// the context) and "Anteil" (its share of all votes, the probability of drawing it).
    /// </summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("Fortsetzung", this.Select(c => c.Token)),
        new DoubleDataFrameColumn("Stimmen", this.Select(c => c.Votes)),
        new DoubleDataFrameColumn("Anteil", this.Select(c => c.Probability)));
}
