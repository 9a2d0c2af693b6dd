using GenAI.Display;
using GenAI.Models;

namespace GenAI.Tests.Models;

public class TrainingHistoryDataFrameTests
{
    private static TrainingHistory History(bool validated)
    {
        var history = new TrainingHistory();
        history.Add(new EpochResult(1, 180.5, validated ? 170.25 : null,
            new Dictionary<string, double> { ["Rekonstruktion"] = 170.5, ["KL"] = 10.0 },
            validated ? new Dictionary<string, double> { ["Rekonstruktion"] = 161.0, ["KL"] = 9.25 } : null, 469, TimeSpan.FromSeconds(3)));
        history.Add(new EpochResult(2, 150.125, validated ? 149.5 : null,
            new Dictionary<string, double> { ["Rekonstruktion"] = 138.0, ["KL"] = 12.125 },
            validated ? new Dictionary<string, double> { ["Rekonstruktion"] = 137.5, ["KL"] = 12.0 } : null, 469, TimeSpan.FromSeconds(3)));
        return history;
    }

    [Test]
    public void Each_epoch_is_a_row_with_the_loss_and_its_parts_for_training_and_validation()
    {
        var history = History(validated: true);
        var frame = history.ToDataFrame();
        Assert.That(frame.Columns.Select(c => c.Name), Is.EqualTo(new[]
        {
            "Epoche", "Training", "Training Rekonstruktion", "Training KL", "Validierung", "Validierung Rekonstruktion", "Validierung KL",
        }));
        Assert.That(frame.Rows.Count, Is.EqualTo(history.Epochs.Count));
        for (int r = 0; r < history.Epochs.Count; r++)
        {
            var epoch = history.Epochs[r];
            Assert.That(frame.Columns["Epoche"][r], Is.EqualTo(epoch.Epoch));
            Assert.That(frame.Columns["Training"][r], Is.EqualTo(epoch.TrainLoss));
            Assert.That(frame.Columns["Training KL"][r], Is.EqualTo(epoch.TrainParts["KL"]));
            Assert.That(frame.Columns["Validierung"][r], Is.EqualTo(epoch.ValidationLoss));
            Assert.That(frame.Columns["Validierung Rekonstruktion"][r], Is.EqualTo(epoch.ValidationParts!["Rekonstruktion"]));
        }
    }

    [Test]
    public void Without_validation_there_are_no_validation_columns()
    {
        var frame = History(validated: false).ToDataFrame();
        Assert.That(frame.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Epoche", "Training", "Training Rekonstruktion", "Training KL" }));
    }

    [Test]
    public void The_displayed_table_is_the_dataframe_table()
    {
        var history = History(validated: true);
        var table = TableFormatter.ToMimeBundle(history.ToDataFrame());
        Assert.That(history.ToMimeBundle()[MimeBundle.TextHtml], Does.EndWith(table[MimeBundle.TextHtml]));
        Assert.That(history.ToString(), Is.EqualTo(table[MimeBundle.TextPlain]));
        Assert.That(history.ToString(), Does.Contain("150,125"));
    }
}
