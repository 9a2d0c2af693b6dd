using System.CommandLine;
using System.Globalization;
using GenAI.Cli.Commands;

namespace GenAI.Tests.Cli;

/// <summary><c>genai train gpt</c> with nanoGPT's flags.</summary>
public class TrainGptCommandTests
{
    private static (int Exit, string[] Lines, string Error) Run(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var o = new StringWriter();
        var e = new StringWriter();
        try
        {
            Console.SetOut(o);
            Console.SetError(e);
            int exit = new RootCommand { new TrainCommand().Build() }.Parse(["train", "gpt", .. args]).Invoke();
            return (exit, o.ToString().Trim().Split('\n'), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Test]
    public void Train_gpt_takes_nanogpts_flags_and_ends_with_the_validation_loss_in_nats()
    {
        var file = Path.Combine(Path.GetTempPath(), $"genai-gpt-{Guid.NewGuid():N}.txt");
        var weights = Path.ChangeExtension(file, ".safetensors");
        File.WriteAllText(file, string.Concat(Enumerable.Repeat("Es war einmal ein König, der hatte drei Töchter. ", 30)));
        try
        {
            var (exit, lines, error) = Run("--corpus", file, "--block-size", "16", "--batch-size", "4", "--layers", "1", "--heads", "2", "--embd", "16",
                "--iters", "30", "--lr", "1e-3", "--min-lr", "1e-4", "--lr-decay-iters", "30", "--warmup-iters", "5", "--beta2", "0.99",
                "--weight-decay", "0.1", "--grad-clip", "1.0", "--dropout", "0", "--no-bias", "--eval-iters", "2", "--eval-interval", "10",
                "--seed", "1337", "--out", weights);
            Assert.That(exit, Is.Zero, error);
            Assert.That(lines[^1], Does.Match(@"^val loss \d+\.\d{4}$"));
            Assert.That(lines[^2], Does.Match(@"^time \d+\.\d s, \d+\.\d ms per iteration \(median\)$"));
            Assert.That(lines.Count(l => l.StartsWith("step ", StringComparison.Ordinal)), Is.EqualTo(4), "evaluations at steps 0, 10, 20 and 30");
            double loss = double.Parse(lines[^1]["val loss ".Length..], CultureInfo.InvariantCulture);
            Assert.That(loss, Is.GreaterThan(0).And.LessThan(Math.Log(21)), "below a uniform guess over the alphabet");
            Assert.That(File.Exists(weights) && File.Exists(Path.ChangeExtension(weights, ".json"))
                && File.Exists(Path.ChangeExtension(weights, ".vocab.txt")));
        }
        finally
        {
            foreach (var f in new[] { file, weights, Path.ChangeExtension(weights, ".json"), Path.ChangeExtension(weights, ".vocab.txt") }) File.Delete(f);
        }
    }

    [Test]
    public void Train_gpt_refuses_heads_that_do_not_divide_the_width_and_says_which_would()
    {
        var (exit, _, error) = Run("--corpus", "grimm", "--embd", "30", "--heads", "4", "--iters", "1");
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("30").And.Contain("Köpfe"));
    }
}
