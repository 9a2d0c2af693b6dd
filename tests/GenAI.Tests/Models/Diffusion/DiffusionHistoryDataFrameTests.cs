using GenAI.Models.Diffusion;

namespace GenAI.Tests.Models.Diffusion;

public class DiffusionHistoryDataFrameTests
{
    [Test]
    public void Each_step_is_a_row_with_its_loss()
    {
        var history = new DiffusionHistory();
        foreach (var loss in new[] { 1.0, 0.5, 0.25 }) history.Add(loss);
        var frame = history.ToDataFrame();
        Assert.That(frame.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Schritt", "Verlust" }));
        Assert.That(Enumerable.Range(0, 3).Select(r => frame.Columns["Schritt"][r]), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(Enumerable.Range(0, 3).Select(r => frame.Columns["Verlust"][r]), Is.EqualTo(history.Losses));
    }
}
