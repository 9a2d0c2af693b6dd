using System.CommandLine;
using GenAI.Cli.Commands;
using GenAI.Text;

namespace GenAI.Tests.Cli;

[NonParallelizable] // redirects Console.Out
public class TextCommandsTests
{
    private static (int Exit, string Out, string Err) Invoke(Command command, params string[] args)
    {
        var root = new RootCommand { command };
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try { return (root.Parse(args).Invoke(), o.ToString(), e.ToString()); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
    }

    [Test]
    public void Tokenize_with_ids_prints_exactly_the_encodings_ids()
    {
        var (exit, output, _) = Invoke(new TokenizeCommand().Build(), "tokenize", "--ids", "-e", "cl100k_base", "hello world");
        Assert.That(exit, Is.Zero);
        Assert.That(output.Trim(), Is.EqualTo(string.Join(' ', TiktokenEncoding.Get("cl100k_base").Encode("hello world"))));
        Assert.That(output.Trim(), Is.EqualTo("15339 1917")); // tiktoken's ids for this text
    }

    [Test]
    public void Tokenize_rejects_an_unknown_encoding_and_names_the_allowed_ones()
    {
        var (exit, _, error) = Invoke(new TokenizeCommand().Build(), "tokenize", "-e", "nope", "x");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("o200k_base"));
    }

    [Test]
    public void Markov_shows_the_votes_for_a_context_from_a_file_corpus()
    {
        var file = Path.Combine(Path.GetTempPath(), $"markov-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "Der Hase läuft. Der Hase schläft. Der Igel läuft.");
        try
        {
            var (exit, output, _) = Invoke(new MarkovCommand().Build(), "markov", file, "--order", "1", "--context", "Hase");
            Assert.That(exit, Is.Zero);
            Assert.That(output, Does.Contain("läuft").And.Contain("schläft"));
            Assert.That(output, Does.Contain("2 Stimmen"));
        }
        finally { File.Delete(file); }
    }
}
