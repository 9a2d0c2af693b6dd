using Microsoft.Data.Analysis;

namespace GenAI.Models.Gans;

public sealed partial class GanHistory
{
    /// <summary>
    /// One row per epoch with the means over its steps, as <see cref="Epochs"/> holds them: "Epoche", "D-Verlust",
    /// "G-Verlust", "D(echt)" (D's probability "real" on real images) and "D(G(z))" (on generated ones).
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var epochs = Epochs;
        return new DataFrame(
            new Int32DataFrameColumn("Epoche", epochs.Select(e => e.Epoch)),
            new DoubleDataFrameColumn("D-Verlust", epochs.Select(e => e.DiscriminatorLoss)),
            new DoubleDataFrameColumn("G-Verlust", epochs.Select(e => e.GeneratorLoss)),
            new DoubleDataFrameColumn("D(echt)", epochs.Select(e => e.DReal)),
            new DoubleDataFrameColumn("D(G(z))", epochs.Select(e => e.DFake)));
    }
}
