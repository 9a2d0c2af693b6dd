using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GenAI.Data;
using GenAI.Models;
using GenAI.Text;
using TorchSharp;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai train lstm --corpus FILE</c>: a character-level LSTM (or GRU/RNN) on a UTF-8 text, the last 10 % held out.
/// Prints the training loss as it goes, the time, and as its last line <c>val loss X</c> (nats per character on the held-out text).
/// </summary>
public sealed class TrainLstmCommand : ITrainCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var corpus = new Option<string>("--corpus")
        {
            Description = $"UTF-8 text file, folder, or corpus name ({string.Join(", ", Corpus.Names)}).", Required = true,
        };
        var iters = new Option<int>("--iters") { Description = "Training steps.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (weights and batches).", DefaultValueFactory = _ => 42 };
        var hidden = new Option<int>("--hidden") { Description = "Hidden state size H.", DefaultValueFactory = _ => 256 };
        var embedding = new Option<int>("--embedding") { Description = "Character embedding size.", DefaultValueFactory = _ => 32 };
        var layers = new Option<int>("--layers") { Description = "Stacked recurrent layers.", DefaultValueFactory = _ => 1 };
        var block = new Option<int>("--block") { Description = "Window length T (steps of backpropagation through time).", DefaultValueFactory = _ => 64 };
        var batch = new Option<int>("--batch") { Description = "Windows per batch B.", DefaultValueFactory = _ => 32 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 0.003 };
        var kind = new Option<RecurrentKind>("--cell") { Description = "lstm, gru or rnn.", DefaultValueFactory = _ => RecurrentKind.Lstm };
        var output = new Option<string?>("--out") { Description = "Save the weights here (.safetensors, config .json beside it)." };
        var markov = new Option<bool>("--markov") { Description = "Also print bits per character of Markov chains of order 1-5 on the same held-out text." };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0: libtorch's default).", DefaultValueFactory = _ => 0 };
        var command = new Command("lstm", "Train a character-level LSTM language model; the last 10 % of the text is held out.")
            { corpus, iters, seed, hidden, embedding, layers, block, batch, lr, kind, output, markov, threads };
        command.SetAction(result =>
        {
            Corpus text;
            try { text = Corpus.Load(result.GetValue(corpus)!); }
            catch (Exception e) when (e is DataUnavailableException or FileNotFoundException or DirectoryNotFoundException or ArgumentException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            if (result.GetValue(threads) is > 0 and var n) torch.set_num_threads(n);
            var clock = Stopwatch.StartNew();
            var vocab = CharVocabulary.Build(text.Text);
            var (train, heldOut) = HeldOutSplit.Split(vocab.Encode(text.Text));
            var config = new CharRnnConfig(vocab.Size, result.GetValue(embedding), result.GetValue(hidden), result.GetValue(layers), result.GetValue(kind));
            torch.manual_seed(result.GetValue(seed));
            var model = new CharRnnLanguageModel(config);
            var random = new Random(result.GetValue(seed));
            var ci = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(ci,
                $"{text.Name}: {text.Length} characters, alphabet {vocab.Size}, train {train.Length}, held out {heldOut.Length} (last 10 %)"));
            Console.WriteLine(string.Create(ci,
                $"{model.Name} {config.EmbeddingSize}/{config.HiddenSize}x{config.Layers}, {model.parameters().Sum(p => p.numel())} parameters"));
            if (result.GetValue(markov))
                for (int order = 1; order <= 5; order++)
                {
                    var chain = CharMarkovModel.Train(train, order, vocab.Size);
                    double nats = chain.NegativeLogLikelihood([.. train[^order..], .. heldOut], order);
                    Console.WriteLine(string.Create(ci,
                        $"markov order {order} (Witten-Bell) bits per character {BitsPerCharacter.FromNats(nats, heldOut.Length):F4}"));
                }
            CharRnnTraining.Train(model, new TextWindows(train, result.GetValue(block)),
                result.GetValue(iters), result.GetValue(batch), result.GetValue(lr), random,
                (step, loss) => Console.WriteLine(string.Create(ci, $"step {step} train loss {loss:F4} ({clock.Elapsed.TotalSeconds:F0} s)")));
            var context = train[^Math.Min(train.Length, 1000)..];
            double val = CharRnnTraining.HeldOutLoss(model, heldOut, context);
            if (result.GetValue(output) is { } path)
            {
                Checkpoint.Save(model, config, path);
                File.WriteAllText(Path.ChangeExtension(Path.GetFullPath(path), ".vocab.txt"), new string([.. vocab.Characters]));
                Console.WriteLine($"saved {path}");
            }
            Console.WriteLine(string.Create(ci, $"bits per character {BitsPerCharacter.FromMeanLoss(val, heldOut.Length, heldOut.Length):F4}"));
            Console.WriteLine(string.Create(ci, $"time {clock.Elapsed.TotalSeconds:F1} s"));
            Console.WriteLine(string.Create(ci, $"val loss {val:F4}"));
            return 0;
        });
        return command;
    }
}
