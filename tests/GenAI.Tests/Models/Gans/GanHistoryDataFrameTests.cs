using GenAI.Display;
using GenAI.Models.Gans;

namespace GenAI.Tests.Models.Gans;

public class GanHistoryDataFrameTests
{
    [Test]
    public void Each_epoch_is_a_row_with_the_means_of_its_steps()
    {
        var history = new GanHistory();
        history.Add(new GanStep(1, 1.25, 0.75, 0.875, 0.125));
        history.Add(new GanStep(1, 1.5, 0.5, 0.625, 0.375));
        history.Add(new GanStep(2, 1.375, 0.625, 0.5, 0.5));
        var frame = history.ToDataFrame();
        Assert.That(frame.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Epoche", "D-Verlust", "G-Verlust", "D(echt)", "D(G(z))" }));
        Assert.That(frame.Rows.Count, Is.EqualTo(history.Epochs.Count));
        for (int r = 0; r < history.Epochs.Count; r++)
        {
            var epoch = history.Epochs[r];
            Assert.That(frame.Columns["Epoche"][r], Is.EqualTo(epoch.Epoch));
            Assert.That(frame.Columns["D-Verlust"][r], Is.EqualTo(epoch.DiscriminatorLoss));
            Assert.That(frame.Columns["G-Verlust"][r], Is.EqualTo(epoch.GeneratorLoss));
            Assert.That(frame.Columns["D(echt)"][r], Is.EqualTo(epoch.DReal));
            Assert.That(frame.Columns["D(G(z))"][r], Is.EqualTo(epoch.DFake));
        }
        Assert.That(history.ToString(), Is.EqualTo(TableFormatter.ToPlainText(frame)));
    }
}
