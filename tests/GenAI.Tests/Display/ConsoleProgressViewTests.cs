using GenAI.Display;

namespace GenAI.Tests.Display;

public class ConsoleProgressViewTests
{
    [Test]
    public void Format_draws_a_bar_proportional_to_progress()
    {
        var line = ConsoleProgressView.Format("Training", 5, 10, "loss 0.31");
        Assert.That(line, Is.EqualTo("Training [###############...............]  50% 5/10 loss 0.31"));
    }

    [Test]
    public void Redirected_output_prints_one_line_per_tenth_not_per_update()
    {
        var writer = new StringWriter();
        using (var view = new ConsoleProgressView("Download", writer))
            for (int i = 0; i <= 1000; i++) view.Report(i, 1000);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(11));
        Assert.That(lines[^1], Does.Contain("100%"));
    }
}
