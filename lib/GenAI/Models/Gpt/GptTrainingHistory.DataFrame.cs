using Microsoft.Data.Analysis;

namespace GenAI.Models;

public sealed partial record GptTrainingHistory
{
    /// <summary>
    /// One row per evaluation, as <see cref="Evaluations"/> holds them: "Schritt", "Training" and "Validierung"
    /// (mean loss in nats per token), "Lernrate" and "Sekunden" (wall time since training started).
    /// </summary>
    public DataFrame ToDataFrame() => new(
        new Int32DataFrameColumn("Schritt", Evaluations.Select(e => e.Step)),
        new DoubleDataFrameColumn("Training", Evaluations.Select(e => e.TrainLoss)),
        new DoubleDataFrameColumn("Validierung", Evaluations.Select(e => e.ValidationLoss)),
        new DoubleDataFrameColumn("Lernrate", Evaluations.Select(e => e.LearningRate)),
        new DoubleDataFrameColumn("Sekunden", Evaluations.Select(e => e.Seconds)));
}
