using GenAI.Models;
using GenAI.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static GenAI.Tests.Models.Attention.ScaledDotProductAttentionTests;

namespace GenAI.Tests.Models.Parallel;

/// <summary>
/// Data-parallel training on the CPU's cores: replicas sharing flat weights must compute what one model on the whole batch
/// computes (oracle: a plain backward pass and a plain AdamW on a copy), repeat exactly, and hand the model back untouched.
/// </summary>
public class DataParallelTests
{
    private int threads;

    [SetUp]
    public void Seed()
    {
        torch.manual_seed(11);
        threads = torch.get_num_threads();
    }

    [TearDown]
    public void RestoreThreads() => torch.set_num_threads(threads);

    private static GptConfig Config(double dropout = 0) =>
        new(VocabularySize: 13, BlockSize: 16, Layers: 2, Heads: 2, EmbeddingSize: 16, Dropout: dropout);

    private static GenAI.Models.Gpt Copy(GenAI.Models.Gpt model)
    {
        var copy = new GenAI.Models.Gpt(model.Config);
        using (no_grad())
            foreach (var (mine, theirs) in copy.parameters().Zip(model.parameters())) mine.copy_(theirs);
        return copy;
    }

    private static int DecayGroup(Parameter p) => p.dim() >= 2 ? 0 : 1;

    [TestCase(2, 8)]
    [TestCase(3, 7)]   // unequal shares: 3, 2 and 2 windows
    public void A_data_parallel_step_gives_the_gradients_of_the_whole_batch(int replicas, int batch)
    {
        using var scope = NewDisposeScope();
        using var model = new GenAI.Models.Gpt(Config());
        using var oracle = Copy(model);
        var x = torch.randint(0, 13, [batch, 16], dtype: ScalarType.Int64);
        var y = torch.randint(0, 13, [batch, 16], dtype: ScalarType.Int64);
        var expectedLoss = oracle.Loss(x, y);
        expectedLoss.backward();
        var expected = torch.cat([.. oracle.parameters().Select(p => p.grad!.flatten())]);

        using var parallel = new DataParallel<GenAI.Models.Gpt>(model, () => new GenAI.Models.Gpt(model.Config), replicas, _ => 0);
        float loss = parallel.ForwardBackward(x, y, static (m, xs, ys) => m.Loss(xs, ys));
        var gradient = parallel.Parameters.Buffers[0].grad!;

        Assert.That(loss, Is.EqualTo(expectedLoss.item<float>()).Within(1e-5), "the mean over the shares is the batch mean");
        Assert.That(MaxDifference(gradient, expected), Is.LessThan(1e-6));
        Assert.That(expected.abs().max().item<float>(), Is.GreaterThan(1e-3), "the gradients are not all zero");
    }

    [Test]
    public void Updating_the_slices_side_by_side_equals_one_adamw_over_all_weights()
    {
        using var scope = NewDisposeScope();
        using var model = new GenAI.Models.Gpt(Config());
        using var oracle = Copy(model);
        var groups = oracle.parameters().ToArray();
        using var single = optim.AdamW(
        [
            new AdamW.ParamGroup(groups.Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = 0.1 }),
            new AdamW.ParamGroup(groups.Where(p => p.dim() < 2), new AdamW.Options { weight_decay = 0.0 }),
        ], 1e-2, 0.9, 0.99);
        using var parallel = new DataParallel<GenAI.Models.Gpt>(model, () => new GenAI.Models.Gpt(model.Config), 2, DecayGroup);
        var sliced = parallel.Slices.Select(slice => optim.AdamW(
        [
            new AdamW.ParamGroup(slice.Where(s => s.Group == 0).Select(s => s.Slice), new AdamW.Options { weight_decay = 0.1 }),
            new AdamW.ParamGroup(slice.Where(s => s.Group == 1).Select(s => s.Slice), new AdamW.Options { weight_decay = 0.0 }),
        ], 1e-2, 0.9, 0.99)).ToArray();

        for (int step = 0; step < 3; step++)
        {
            var x = torch.randint(0, 13, [6, 16], dtype: ScalarType.Int64);
            var y = torch.randint(0, 13, [6, 16], dtype: ScalarType.Int64);
            single.zero_grad();
            oracle.Loss(x, y).backward();
            single.step();
            parallel.ForwardBackward(x, y, static (m, xs, ys) => m.Loss(xs, ys));
            parallel.Step(i => sliced[i].step());
        }
        foreach (var (mine, theirs) in model.parameters().Zip(oracle.parameters()))
            Assert.That(MaxDifference(mine, theirs), Is.LessThan(1e-5));
        Assert.That(MaxDifference(model.parameters().First(), Copy(model).parameters().First()), Is.EqualTo(0));
        foreach (var optimizer in sliced) optimizer.Dispose();
    }

    [Test]
    public void Data_parallel_training_repeats_exactly_and_follows_the_single_model_run()
    {
        const string text = "es war einmal ein koenig, der hatte drei toechter. die juengste war die schoenste. ";
        var vocab = CharVocabulary.Build(text);
        var windows = new TextWindows(vocab.Encode(string.Concat(Enumerable.Repeat(text, 10))), 16);
        var options = new GptTrainingOptions
        {
            Iterations = 40, BatchSize = 8, LearningRate = 3e-3, WarmupIterations = 5, DecayIterations = 40, EvalInterval = 20, EvalIterations = 2,
            Seed = 3,
        };
        GptTrainingHistory Run(bool dataParallel)
        {
            torch.manual_seed(5);
            using var model = new GenAI.Models.Gpt(Config() with { VocabularySize = vocab.Size });
            return GptTrainer.Train(model, windows, windows, options with { DataParallel = dataParallel });
        }
        torch.set_num_threads(2);
        var first = Run(true);
        var second = Run(true);
        var single = Run(false);

        Assert.That(second.StepLosses, Is.EqualTo(first.StepLosses), "the shares' gradients are summed in a fixed order");
        Assert.That(first.StepLosses[^1], Is.LessThan(first.StepLosses[0] - 0.5), "it learns");
        for (int i = 0; i < single.StepLosses.Count; i++)
            Assert.That(first.StepLosses[i], Is.EqualTo(single.StepLosses[i]).Within(2e-3), $"step {i}: only float rounding differs");
        Assert.That(torch.get_num_threads(), Is.EqualTo(2), "the caller's thread count is given back");
    }

    [Test]
    public void After_training_the_model_owns_its_weights_and_the_random_stream_is_untouched()
    {
        using var model = new GenAI.Models.Gpt(Config());
        var before = torch.get_rng_state();
        using (var parallel = new DataParallel<GenAI.Models.Gpt>(model, () => new GenAI.Models.Gpt(model.Config), 2, DecayGroup))
        {
            Assert.That(torch.get_rng_state().data<byte>().ToArray(), Is.EqualTo(before.data<byte>().ToArray()),
                "building the replica drew no numbers from the caller's stream");
            using var x = torch.randint(0, 13, [4, 16], dtype: ScalarType.Int64);
            parallel.ForwardBackward(x, x, static (m, xs, ys) => m.Loss(xs, ys));
        }
        var parameters = model.parameters().ToArray();
        Assert.That(parameters.All(p => p.storage_offset() == 0 && p.grad is null), Is.True, "no views of the shared buffers are left");
        using var ids = torch.randint(0, 13, [1, 8], dtype: ScalarType.Int64);
        var logits = model.forward(ids);
        var path = Path.Combine(Path.GetTempPath(), $"dp-{Guid.NewGuid():N}.safetensors");
        try
        {
            model.Save(path);
            using var loaded = GenAI.Models.Gpt.Load(path);
            Assert.That(MaxDifference(loaded.forward(ids), logits), Is.EqualTo(0));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void A_failing_share_reports_its_error_and_the_replicas_keep_working()
    {
        using var model = new GenAI.Models.Gpt(Config());
        using var parallel = new DataParallel<GenAI.Models.Gpt>(model, () => new GenAI.Models.Gpt(model.Config), 2, DecayGroup);
        using var x = torch.randint(0, 13, [4, 16], dtype: ScalarType.Int64);
        using var bad = torch.full([4, 16], 99L, dtype: ScalarType.Int64);   // ids outside the vocabulary
        Assert.That(() => parallel.MeanLoss(bad, x, static (m, xs, ys) => m.Loss(xs, ys)),
            Throws.TypeOf<AggregateException>().With.Message.Contains("Teil des Batches"));
        Assert.That(parallel.MeanLoss(x, x, static (m, xs, ys) => m.Loss(xs, ys)), Is.GreaterThan(0));
    }

    [Test]
    public void The_shared_buffers_outlive_the_dispose_scope_they_were_made_in()
    {
        using var model = new GenAI.Models.Gpt(Config());
        DataParallel<GenAI.Models.Gpt> parallel;
        using (NewDisposeScope()) parallel = new DataParallel<GenAI.Models.Gpt>(model, () => new GenAI.Models.Gpt(model.Config), 2, DecayGroup);
        using (parallel)
        {
            using var x = torch.randint(0, 13, [4, 16], dtype: ScalarType.Int64);
            Assert.That(parallel.ForwardBackward(x, x, static (m, xs, ys) => m.Loss(xs, ys)), Is.GreaterThan(0));
            Assert.That(parallel.Slices.SelectMany(s => s).All(s => !s.Slice.IsInvalid && s.Slice.grad is not null), Is.True);
        }
    }

    [Test]
    public void A_replica_of_another_shape_is_refused()
    {
        using var model = new GenAI.Models.Gpt(Config());
        using var other = new GenAI.Models.Gpt(Config() with { EmbeddingSize = 32 });
        using var flat = new FlatParameters([.. model.parameters()], DecayGroup);
        Assert.That(() => flat.Bind([.. other.parameters()]), Throws.ArgumentException.With.Message.Contains("andere Formen"));
    }

    [Test]
    public void Only_models_without_dropout_are_split_and_never_into_more_replicas_than_windows()
    {
        torch.set_num_threads(2);
        using var plain = new GenAI.Models.Gpt(Config());
        using var dropout = new GenAI.Models.Gpt(Config(dropout: 0.1));
        var options = new GptTrainingOptions { BatchSize = 12 };
        Assert.That(GptTrainer.Replicas(plain, options), Is.EqualTo(2));
        Assert.That(GptTrainer.Replicas(dropout, options), Is.EqualTo(1), "dropout masks from one generator in racing order would not repeat");
        Assert.That(GptTrainer.Replicas(plain, options with { DataParallel = false }), Is.EqualTo(1));
        Assert.That(GptTrainer.Replicas(plain, options with { BatchSize = 1 }), Is.EqualTo(1));
    }
}
