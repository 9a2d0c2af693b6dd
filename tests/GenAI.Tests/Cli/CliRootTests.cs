using System.CommandLine;
using GenAI.Cli;

namespace GenAI.Tests.Cli;

public class CliRootTests
{
    private static string Help(params string[] args)
    {
        var output = new StringWriter();
        var result = CliRoot.Build().Parse(args);
        result.InvocationConfiguration.Output = output;
        Assert.That(result.Invoke(), Is.Zero);
        return output.ToString();
    }

    [Test]
    public void Genai_help_lists_the_student_and_instructor_commands_and_not_the_benchmarks()
    {
        var help = Help("--help");
        foreach (var command in new[] { "run", "export", "course", "kernel", "train", "sample", "tokenize", "markov", "data" })
            Assert.That(help, Does.Match($@"\n\s+{command}\b"), $"genai --help lists {command}");
        Assert.That(help, Does.Not.Match(@"\n\s+bench\b"));
    }

    [Test]
    public void The_benchmarks_still_run_by_name()
    {
        var bench = Help("bench", "--help");
        foreach (var area in new[] { "gpt", "text", "torch", "vae", "kernel", "notebooks" })
            Assert.That(bench, Does.Match($@"\n\s+{area}\b"), $"genai bench {area}");
        Assert.That(Help("bench", "gpt", "--help"), Does.Contain("--iters"));
    }
}
