using Microsoft.Data.Analysis;

namespace GenAI.Models.Diffusion;

public sealed partial class DiffusionHistory
{
    /// <summary>One row per training step: "Schritt" (from 1) and "Verlust", the MSE between true and predicted noise.</summary>
    public DataFrame ToDataFrame() => new(
        new Int32DataFrameColumn("Schritt", Enumerable.Range(1, _losses.Count)),
        new DoubleDataFrameColumn("Verlust", _losses));
}
