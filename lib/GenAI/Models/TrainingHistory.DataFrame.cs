using Microsoft.Data.Analysis;

namespace GenAI.Models;

public sealed partial class TrainingHistory
{
    /// <summary>
    /// One row per epoch, as a pandas course keeps a history: "Epoche", "Training" (loss per sample), one
    /// "Training …" column per named part of the loss (e.g. "Training KL"), and, if validated, "Validierung" and
    /// "Validierung …". Parts an epoch did not report are empty. No wall-clock column: a seeded run repeated shows
    /// the same table (durations stay in <see cref="EpochResult.Duration"/>).
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var parts = _epochs.SelectMany(e => e.TrainParts.Keys).Distinct().ToArray();
        var columns = new List<DataFrameColumn>
        {
            new Int32DataFrameColumn("Epoche", _epochs.Select(e => e.Epoch)),
            new DoubleDataFrameColumn("Training", _epochs.Select(e => e.TrainLoss)),
        };
        columns.AddRange(parts.Select(p => new DoubleDataFrameColumn($"Training {p}",
            _epochs.Select(e => e.TrainParts.TryGetValue(p, out var v) ? v : (double?)null))));
        if (_epochs.Any(e => e.ValidationLoss is not null))
        {
            columns.Add(new DoubleDataFrameColumn("Validierung", _epochs.Select(e => e.ValidationLoss)));
            columns.AddRange(parts.Select(p => new DoubleDataFrameColumn($"Validierung {p}",
                _epochs.Select(e => e.ValidationParts?.TryGetValue(p, out var v) == true ? v : (double?)null))));
        }
        return new DataFrame(columns);
    }
}
