using System.CommandLine;
using System.Globalization;
using GenAI.Cli.Commands;

namespace GenAI.Tests.Cli;

[NonParallelizable] // redirects Console.Out
public class TrainLstmCommandTests
{
    [Test]
    public void Train_lstm_ends_with_the_held_out_loss_in_nats_and_reports_the_time()
    {
        var file = Path.Combine(Path.GetTempPath(), $"genai-lstm-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, string.Concat(Enumerable.Repeat("Es war einmal ein König. ", 20)));
        var (stdout, stderr) = (Console.Out, Console.Error);
        var o = new StringWriter();
        try
        {
            Console.SetOut(o);
            Console.SetError(new StringWriter());
            var root = new RootCommand { new TrainCommand().Build() };
            int exit = root.Parse(["train", "lstm", "--corpus", file, "--iters", "20", "--hidden", "16", "--block", "16", "--batch", "4"]).Invoke();
            Assert.That(exit, Is.Zero);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            File.Delete(file);
        }
        var lines = o.ToString().Trim().Split('\n');
        Assert.That(lines[^1], Does.Match(@"^val loss \d+\.\d{4}$"));
        Assert.That(lines[^2], Does.Match(@"^time \d+\.\d s$"));
        double loss = double.Parse(lines[^1]["val loss ".Length..], CultureInfo.InvariantCulture);
        Assert.That(loss, Is.GreaterThan(0).And.LessThan(Math.Log(14) + 0.5), "nats per character, below a uniform guess over the alphabet plus slack");
    }
}
