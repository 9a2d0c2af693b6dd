using System.CommandLine;
using System.Globalization;
using GenAI.Core;
using GenAI.Data;
using GenAI.Models;
using GenAI.Text;
using TorchSharp;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai train gpt --corpus FILE</c> with nanoGPT's knobs: a character-level GPT on a UTF-8 text, trained on the first 90 %
/// and validated on the last 10 % (nanoGPT's split). Prints the evaluations as it goes, the time, and as its last line
/// <c>val loss X</c> (nats per character, mean over eval-iters batches).
/// </summary>
public sealed class TrainGptCommand : ITrainCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var d = new GptTrainingOptions();
        var corpus = new Option<string>("--corpus")
        {
            Description = $"UTF-8 text file, folder, or corpus name ({string.Join(", ", Corpus.Names)}).", Required = true,
        };
        var blockSize = new Option<int>("--block-size") { Description = "Context length T.", DefaultValueFactory = _ => 64 };
        var batchSize = new Option<int>("--batch-size") { Description = "Windows per step.", DefaultValueFactory = _ => d.BatchSize };
        var layers = new Option<int>("--layers") { Description = "Transformer blocks.", DefaultValueFactory = _ => 4 };
        var heads = new Option<int>("--heads") { Description = "Attention heads per block.", DefaultValueFactory = _ => 4 };
        var embd = new Option<int>("--embd") { Description = "Model width d_model.", DefaultValueFactory = _ => 128 };
        var iters = new Option<int>("--iters") { Description = "Training steps (max_iters).", DefaultValueFactory = _ => d.Iterations };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate.", DefaultValueFactory = _ => d.LearningRate };
        var minLr = new Option<double>("--min-lr")
        {
            Description = "Learning rate at the end of the cosine decay.", DefaultValueFactory = _ => d.MinLearningRate,
        };
        var decay = new Option<int>("--lr-decay-iters")
        {
            Description = "Step where the decay reaches --min-lr.", DefaultValueFactory = _ => d.DecayIterations,
        };
        var warmup = new Option<int>("--warmup-iters") { Description = "Linear warm-up steps.", DefaultValueFactory = _ => d.WarmupIterations };
        var beta1 = new Option<double>("--beta1") { Description = "AdamW beta1.", DefaultValueFactory = _ => d.Beta1 };
        var beta2 = new Option<double>("--beta2") { Description = "AdamW beta2.", DefaultValueFactory = _ => d.Beta2 };
        var weightDecay = new Option<double>("--weight-decay")
        {
            Description = "AdamW weight decay on matrices and embeddings.", DefaultValueFactory = _ => d.WeightDecay,
        };
        var gradClip = new Option<double>("--grad-clip")
        {
            Description = "Clip the gradient norm to this (0: off).", DefaultValueFactory = _ => d.GradientClip,
        };
        var dropout = new Option<double>("--dropout") { Description = "Dropout while training.", DefaultValueFactory = _ => 0.0 };
        var noBias = new Option<bool>("--no-bias") { Description = "No bias terms in linear layers and LayerNorms (nanoGPT's bias=False)." };
        var evalIters = new Option<int>("--eval-iters") { Description = "Batches per evaluation.", DefaultValueFactory = _ => d.EvalIterations };
        var evalInterval = new Option<int>("--eval-interval") { Description = "Evaluate every this many steps.", DefaultValueFactory = _ => d.EvalInterval };
        var seed = new Option<int>("--seed") { Description = "Random seed (weights and batches).", DefaultValueFactory = _ => d.Seed };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0: libtorch's default).", DefaultValueFactory = _ => 0 };
        var noDataParallel = new Option<bool>("--no-data-parallel")
        {
            Description = "Split every operation over the threads instead of the batch over one model replica per thread.",
        };
        var output = new Option<string?>("--out") { Description = "Save the weights here (.safetensors, config .json and alphabet .vocab.txt beside it)." };
        var sample = new Option<int>("--sample") { Description = "Print this many generated characters at the end (0: none).", DefaultValueFactory = _ => 0 };
        var command = new Command("gpt", "Train a character-level GPT with nanoGPT's knobs; first 90 % train, last 10 % validation.")
            { corpus, blockSize, batchSize, layers, heads, embd, iters, lr, minLr, decay, warmup, beta1, beta2, weightDecay, gradClip, dropout, noBias,
              evalIters, evalInterval, seed, threads, noDataParallel, output, sample };
        command.SetAction(result =>
        {
            Corpus text;
            GptConfig config;
            GptTrainingOptions options;
            try
            {
                text = Corpus.Load(result.GetValue(corpus)!);
                options = new GptTrainingOptions
                {
                    Iterations = result.GetValue(iters), BatchSize = result.GetValue(batchSize), LearningRate = result.GetValue(lr),
                    MinLearningRate = result.GetValue(minLr), DecayIterations = result.GetValue(decay), WarmupIterations = result.GetValue(warmup),
                    Beta1 = result.GetValue(beta1), Beta2 = result.GetValue(beta2), WeightDecay = result.GetValue(weightDecay),
                    GradientClip = result.GetValue(gradClip), EvalIterations = result.GetValue(evalIters), EvalInterval = result.GetValue(evalInterval),
                    Seed = result.GetValue(seed), DataParallel = !result.GetValue(noDataParallel),
                };
                options.Validate();
                config = new GptConfig(2, result.GetValue(blockSize), result.GetValue(layers), result.GetValue(heads), result.GetValue(embd),
                    result.GetValue(dropout), Bias: !result.GetValue(noBias));
                config.Validate();
            }
            catch (Exception e) when (e is DataUnavailableException or FileNotFoundException or DirectoryNotFoundException
                                          or ArgumentException or InvalidDataException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            if (result.GetValue(threads) is > 0 and var n) torch.set_num_threads(n);
            var ci = CultureInfo.InvariantCulture;
            var vocab = CharVocabulary.Build(text.Text);
            var (train, validation) = HeldOutSplit.Split(vocab.Encode(text.Text));
            config = config with { VocabularySize = vocab.Size };
            if (validation.Length <= config.BlockSize)
            {
                Console.Error.WriteLine(
                    $"The text is too short: its last 10 % ({validation.Length} characters) must be longer than --block-size {config.BlockSize}.");
                return 1;
            }
            torch.manual_seed(options.Seed);
            var model = new Gpt(config);
            Console.WriteLine(string.Create(ci,
                $"{text.Name}: {text.Length} characters, alphabet {vocab.Size}, train {train.Length}, val {validation.Length} (last 10 %)"));
            Console.WriteLine(string.Create(ci,
                $"GPT {config.Layers} layers x {config.Heads} heads x {config.EmbeddingSize}, block {config.BlockSize}, bias {config.Bias}: "
                + $"{model.parameters().Sum(p => p.numel())} parameters, {torch.get_num_threads()} threads"));
            Console.WriteLine(Parallelism(model, options));
            var history = GptTrainer.Train(model, new TextWindows(train, config.BlockSize), new TextWindows(validation, config.BlockSize), options,
                e => Console.WriteLine(string.Create(ci,
                    $"step {e.Step}: train loss {e.TrainLoss:F4}, val loss {e.ValidationLoss:F4}, lr {e.LearningRate:0.###e0} ({e.Seconds:F1} s)")));
            if (result.GetValue(output) is { } path)
            {
                model.Save(path);
                GenAI.Core.AtomicFile.WriteAllText(Path.ChangeExtension(Path.GetFullPath(path), ".vocab.txt"), new string([.. vocab.Characters]));
                Console.WriteLine($"saved {path}");
            }
            if (result.GetValue(sample) is > 0 and var count)
            {
                var generated = model.Generate(vocab.Encode("\n"), count, new SamplingOptions(0.8, TopK: 0), new Random(options.Seed));
                Console.WriteLine("---");
                Console.WriteLine(vocab.Decode(generated));
                Console.WriteLine("---");
            }
            Console.WriteLine(string.Create(ci, $"time {history.Seconds:F1} s, {history.MedianStepMilliseconds:F1} ms per iteration (median)"));
            Console.WriteLine(string.Create(ci, $"val loss {history.FinalValidationLoss:F4}"));
            return 0;
        });
        return command;
    }

    /// <summary>One line on how <see cref="GptTrainer.Train"/> will use the threads for this model and these options.</summary>
    internal static string Parallelism(Gpt model, GptTrainingOptions options)
    {
        int replicas = GptTrainer.Replicas(model, options);
        if (replicas > 1)
            return string.Create(CultureInfo.InvariantCulture,
                $"data parallel: {replicas} replicas share each batch of {options.BatchSize} windows, one thread each");
        string why = !options.DataParallel ? "--no-data-parallel"
            : model.Config.Dropout > 0 ? "dropout > 0: masks drawn by racing threads would not repeat"
            : "one thread or window";
        return $"data parallel: off ({why}); operations split over {torch.get_num_threads()} thread(s)";
    }
}
