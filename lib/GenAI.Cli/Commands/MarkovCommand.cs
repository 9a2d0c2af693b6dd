using System.CommandLine;
using GenAI.Data;
using GenAI.Text;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai markov</c>: Shannon's experiment on the command line — train a Markov chain on a corpus
/// (a name such as <c>grimm</c>, a file or a folder), generate novelty-checked sentences, or show the
/// tallied continuations ("Stimmen") of a context.
/// </summary>
public sealed class MarkovCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var corpus = new Argument<string>("corpus") { Description = $"Corpus name ({string.Join(", ", Corpus.Names)}), file or folder." };
        var order = new Option<int>("--order", "-n") { Description = "State size (words of context), 1 or more.", DefaultValueFactory = _ => 2 };
        var count = new Option<int>("--sentences", "-s") { Description = "How many sentences to generate.", DefaultValueFactory = _ => 5 };
        var start = new Option<string?>("--start") { Description = "Begin every sentence with this phrase." };
        var context = new Option<string?>("--context", "-c") { Description = "Show the next-word distribution for this context instead of generating." };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same sentences).", DefaultValueFactory = _ => 42 };
        var command = new Command("markov", "Train a word-level Markov chain on a corpus and generate text.") { corpus, order, count, start, context, seed };
        command.SetAction(result =>
        {
            int n = result.GetValue(order);
            if (n < 1)
            {
                Console.Error.WriteLine("--order muss mindestens 1 sein.");
                return 2;
            }
            Corpus text;
            try { text = Corpus.Load(result.GetValue(corpus)!); }
            catch (Exception e) when (e is DataUnavailableException or FileNotFoundException or DirectoryNotFoundException or ArgumentException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            var chain = MarkovChain.Train(text.Text, order: n);
            Console.Error.WriteLine($"{chain} aus {text.Name} ({text.Length:N0} Zeichen)");
            if (result.GetValue(context) is { } ctx)
            {
                Console.WriteLine(chain.NextTokenDistribution(ctx));
                return 0;
            }
            var random = new Random(result.GetValue(seed));
            var phrase = result.GetValue(start);
            for (int i = 0; i < result.GetValue(count); i++)
            {
                var sentence = phrase is null ? chain.MakeSentence(random) : chain.MakeSentenceWithStart(phrase, random);
                Console.WriteLine(sentence ?? "(kein neuer Satz gefunden — versuche eine kleinere --order oder einen anderen Anfang)");
            }
            return 0;
        });
        return command;
    }
}
