using GenAI.Models;

namespace GenAI.Tests.Models.Gpt;

public class GptTrainingHistoryDataFrameTests
{
    [Test]
    public void Each_evaluation_is_a_row()
    {
        var history = new GptTrainingHistory([4.2f, 3.9f], [new GptEvaluation(0, 4.25, 4.5, 1e-3, 0.5), new GptEvaluation(2, 3.75, 4.0, 2e-4, 1.5)], 2.0);
        var frame = history.ToDataFrame();
        Assert.That(frame.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Schritt", "Training", "Validierung", "Lernrate", "Sekunden" }));
        for (int r = 0; r < history.Evaluations.Count; r++)
        {
            var e = history.Evaluations[r];
            Assert.That(new[] { frame.Columns["Schritt"][r], frame.Columns["Training"][r], frame.Columns["Validierung"][r],
                frame.Columns["Lernrate"][r], frame.Columns["Sekunden"][r] },
                Is.EqualTo(new object[] { e.Step, e.TrainLoss, e.ValidationLoss, e.LearningRate, e.Seconds }));
        }
    }
}
