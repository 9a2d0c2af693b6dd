using GenAI.Models;
using GenAI.Text;
using TorchSharp;
using static TorchSharp.torch;
using static GenAI.Tests.Models.Attention.ScaledDotProductAttentionTests;

namespace GenAI.Tests.Models.Gpt;

/// <summary>Chapter 07's GPT: causality, the KV cache, learning, the parameter formula and checkpoints.</summary>
public class GptTests
{
    [SetUp]
    public void Seed() => torch.manual_seed(7);

    private static GenAI.Models.Gpt Small(bool bias = true, int layers = 2, int block = 16) =>
        new(new GptConfig(VocabularySize: 13, BlockSize: block, Layers: layers, Heads: 2, EmbeddingSize: 16, Bias: bias));

    [Test]
    public void Changing_a_later_token_leaves_the_logits_of_earlier_positions_unchanged()
    {
        using var scope = NewDisposeScope();
        using var model = Small();
        model.eval();
        var ids = torch.randint(0, 13, [2, 12], dtype: ScalarType.Int64);
        var changed = ids.clone();
        changed[.., 8] = (ids[.., 8] + 1) % 13;

        var before = model.forward(ids);
        var after = model.forward(changed);
        Assert.That(MaxDifference(before[.., ..8], after[.., ..8]), Is.EqualTo(0), "positions 0–7 cannot see position 8");
        Assert.That(MaxDifference(before[.., 8..], after[.., 8..]), Is.GreaterThan(1e-4), "positions 8–11 do see it");
    }

    [Test]
    public void Feeding_tokens_one_at_a_time_through_the_kv_cache_gives_the_logits_of_the_whole_sequence()
    {
        using var scope = NewDisposeScope();
        using var model = Small();
        model.eval();
        var ids = torch.randint(0, 13, [1, 10], dtype: ScalarType.Int64);
        var whole = model.forward(ids);                                        // [1, 10, V]
        var caches = model.Blocks.Select(_ => new KeyValueCache()).ToArray();
        var first = model.forward(ids[.., ..4], caches);                       // prefill 4 positions
        var rest = Enumerable.Range(4, 6).Select(t => model.forward(ids[.., t..(t + 1)], caches)).ToArray();
        var pieced = torch.cat([first, .. rest], 1);
        Assert.That(MaxDifference(whole, pieced), Is.LessThan(1e-5));
        foreach (var cache in caches) cache.Dispose();
    }

    [Test]
    public void Generation_with_the_kv_cache_draws_the_same_tokens_as_without_it_within_the_block()
    {
        using var model = Small(block: 32);
        int[] prompt = [1, 2, 3];
        foreach (var options in new[] { SamplingOptions.Greedy, new SamplingOptions(0.9, TopK: 5) })
        {
            var cached = model.Generate(prompt, 29, options, new Random(3), useCache: true);
            var plain = model.Generate(prompt, 29, options, new Random(3), useCache: false);
            Assert.That(cached, Is.EqualTo(plain), options.ToString());
        }
    }

    [Test]
    public void Generation_past_the_block_size_keeps_going_with_and_without_the_cache()
    {
        using var model = Small(block: 8);
        Assert.That(model.Generate([1], 40, new SamplingOptions(1.0), new Random(1), useCache: true), Has.Length.EqualTo(40));
        Assert.That(model.Generate([1], 40, new SamplingOptions(1.0), new Random(1), useCache: false), Has.Length.EqualTo(40));
    }

    [Test]
    public void A_tiny_gpt_trained_on_a_short_text_reproduces_it()
    {
        const string text = "es war einmal ein koenig, der hatte drei toechter. ";
        var vocab = CharVocabulary.Build(text);
        var ids = vocab.Encode(string.Concat(Enumerable.Repeat(text, 20)));
        using var model = new GenAI.Models.Gpt(new GptConfig(vocab.Size, BlockSize: 24, Layers: 2, Heads: 2, EmbeddingSize: 32));
        var windows = new TextWindows(ids, 24);
        var options = new GptTrainingOptions
        {
            Iterations = 300, BatchSize = 16, LearningRate = 3e-3, MinLearningRate = 3e-4, WarmupIterations = 20, DecayIterations = 300,
            EvalInterval = 100, EvalIterations = 2, Seed = 1,
        };
        var history = GptTrainer.Train(model, windows, windows, options);
        Assert.That(history.FinalValidationLoss, Is.LessThan(0.1), "nats per character on text it has memorised");
        var continuation = vocab.Decode(model.Generate(vocab.Encode("es war einmal "), text.Length, SamplingOptions.Greedy, new Random(1)));
        Assert.That("es war einmal " + continuation, Does.StartWith(text + "es war einmal"));
    }

    [TestCase(true, 1, 16, 2)]
    [TestCase(false, 4, 128, 4)]
    [TestCase(true, 3, 48, 6)]
    public void The_parameter_count_matches_the_formula(bool bias, int layers, int width, int heads)
    {
        var config = new GptConfig(VocabularySize: 65, BlockSize: 64, Layers: layers, Heads: heads, EmbeddingSize: width, Bias: bias);
        using var model = new GenAI.Models.Gpt(config);
        Assert.That(model.parameters().Sum(p => p.numel()), Is.EqualTo(config.ParameterCount));
    }

    [Test]
    public void The_baby_gpt_recipe_has_the_parameter_count_nanogpt_reports()
    {
        // nanoGPT prints 0.80M for this recipe on tiny Shakespeare: its count leaves out the position embeddings (64·128) and
        // shares the output layer with the token embedding; ours adds both back: 800,128 + 8,192 + 65·128 … see the formula.
        var config = new GptConfig(VocabularySize: 65, BlockSize: 64, Layers: 4, Heads: 4, EmbeddingSize: 128, Bias: false);
        long nanoGptNonEmbedding = config.ParameterCount - 64 * 128 - 65 * 128;
        Assert.That(nanoGptNonEmbedding / 1e6, Is.EqualTo(0.80).Within(0.005));
    }

    [Test]
    public void A_saved_gpt_loads_with_identical_logits()
    {
        var dir = Directory.CreateTempSubdirectory("genai-gpt-").FullName;
        try
        {
            using var scope = NewDisposeScope();
            using var model = Small(bias: false);
            model.eval();
            var path = Path.Combine(dir, "gpt.safetensors");
            model.Save(path);
            using var loaded = GenAI.Models.Gpt.Load(path);
            loaded.eval();
            Assert.That(loaded.Config, Is.EqualTo(model.Config));
            var ids = torch.randint(0, 13, [2, 16], dtype: ScalarType.Int64);
            Assert.That(MaxDifference(model.forward(ids), loaded.forward(ids)), Is.EqualTo(0));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Test]
    public void The_sequence_score_of_one_window_equals_the_training_loss()
    {
        using var scope = NewDisposeScope();
        using var model = Small(block: 16);
        var ids = Enumerable.Range(0, 17).Select(i => (i * 5) % 13).ToArray();
        var x = torch.tensor(ids[..16].Select(i => (long)i).ToArray(), [1, 16]);
        var y = torch.tensor(ids[1..].Select(i => (long)i).ToArray(), [1, 16]);
        double loss = model.Loss(x, y).item<float>();
        Assert.That(model.NegativeLogLikelihood(ids, from: 1), Is.EqualTo(16 * loss).Within(1e-4));
    }

    [Test]
    public void The_sequence_score_of_a_long_text_charges_every_token_once()
    {
        using var model = Small(block: 8);
        var ids = Enumerable.Range(0, 50).Select(i => (i * 7) % 13).ToArray();
        // A model that knows nothing beyond its weights still gives a finite, positive cost per token; the windows overlap, yet
        // each target is counted once: the cost of ids[from..] and of ids[..] differ by exactly the first targets' costs.
        double all = model.NegativeLogLikelihood(ids, from: 1), tail = model.NegativeLogLikelihood(ids, from: 20);
        Assert.That(all / 49, Is.GreaterThan(0).And.LessThan(2 * Math.Log(13)));
        Assert.That(tail, Is.LessThan(all));
        Assert.That(tail / 30, Is.EqualTo(all / 49).Within(0.5), "per-token costs are of the same size");
    }

    [TestCase(1 << 16)]
    [TestCase(3 * 4 * 16)]   // a pass of 3 batches: 7 batches need passes of 3, 3 and 1
    public void The_loss_estimate_is_the_mean_of_the_batch_losses_nanogpt_averages(int tokensPerPass)
    {
        using var scope = NewDisposeScope();
        using var model = Small();
        var data = new TextWindows(Enumerable.Range(0, 400).Select(i => i * 7 % 13), 16);
        var options = new GptTrainingOptions { BatchSize = 4, EvalIterations = 7 };
        // Oracle: nanoGPT's estimate_loss, one forward pass per batch, from the same stream of random windows.
        var random = new Random(3);
        double expected = 0;
        using (no_grad())
            for (int i = 0; i < options.EvalIterations; i++)
            {
                var (x, y) = data.RandomBatch(options.BatchSize, random);
                model.eval();
                expected += model.Loss(x, y).item<float>() / options.EvalIterations;
            }
        model.train();
        var ours = new Random(3);
        double estimate = GptTrainer.EstimateLoss(model, data, options, ours, tokensPerPass);
        Assert.That(estimate, Is.EqualTo(expected).Within(1e-5));
        Assert.That(model.training, Is.True, "the model is back in training mode");
        Assert.That(ours.Next(), Is.EqualTo(random.Next()), "the same windows were drawn, so training goes on with the same batches");
    }

    [Test]
    public void The_learning_rate_warms_up_linearly_then_follows_a_cosine_down_to_the_minimum()
    {
        var o = new GptTrainingOptions { LearningRate = 1e-3, MinLearningRate = 1e-4, WarmupIterations = 100, DecayIterations = 2000 };
        Assert.That(o.LearningRateAt(0), Is.EqualTo(1e-3 / 101).Within(1e-12));
        Assert.That(o.LearningRateAt(49), Is.EqualTo(1e-3 * 50 / 101).Within(1e-12));
        Assert.That(o.LearningRateAt(100), Is.EqualTo(1e-3).Within(1e-12));
        Assert.That(o.LearningRateAt(1050), Is.EqualTo(5.5e-4).Within(1e-12), "half way through the cosine: the mean of lr and min-lr");
        Assert.That(o.LearningRateAt(2000), Is.EqualTo(1e-4).Within(1e-12));
        Assert.That(o.LearningRateAt(5000), Is.EqualTo(1e-4));
    }

    [Test]
    public void Weight_decay_applies_to_matrices_and_embeddings_but_not_to_biases_and_layer_norms()
    {
        using var model = Small(bias: true);
        using var optimizer = GptTrainer.CreateOptimizer(model, new GptTrainingOptions { WeightDecay = 0.1 });
        var groups = optimizer.ParamGroups.Cast<TorchSharp.Modules.AdamW.ParamGroup>().ToArray();
        Assert.That(groups, Has.Length.EqualTo(2));
        Assert.That(groups[0].Options.weight_decay, Is.EqualTo(0.1));
        Assert.That(groups[0].Parameters.All(p => p.dim() == 2), Is.True);
        Assert.That(groups[1].Options.weight_decay, Is.EqualTo(0.0));
        Assert.That(groups[1].Parameters.All(p => p.dim() == 1), Is.True);
        Assert.That(groups.Sum(g => g.Parameters.Count()), Is.EqualTo(model.parameters().Count()));
    }

    [Test]
    public void Bad_input_is_refused_with_a_message_that_names_the_problem()
    {
        using var model = Small(block: 8);
        Assert.That(() => model.forward(torch.zeros([1, 9], dtype: ScalarType.Int64)), Throws.ArgumentException.With.Message.Contains("8 Positionen"));
        Assert.That(() => model.Generate([99], 3, SamplingOptions.Greedy, new Random(1)),
            Throws.ArgumentException.With.Message.Contains("außerhalb des Vokabulars"));
        Assert.That(() => new GptConfig(13, Heads: 3, EmbeddingSize: 16).Validate(), Throws.ArgumentException.With.Message.Contains("Köpfe"));
    }
}
