using GenAI.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Data;

public class TensorLoaderTests
{
    private static Tensor Rows(int n) => torch.arange(n, dtype: ScalarType.Float32).reshape(n, 1) * torch.ones(1, 3); // (n, 3), row i = i

    private static List<long[]> Epoch(TensorLoader loader) =>
        [.. loader.Select(batch => batch[1].data<long>().ToArray())];

    [Test]
    public void Batches_cover_every_sample_once_with_a_smaller_last_batch()
    {
        var loader = new TensorLoader(4, shuffle: false, Rows(10), torch.arange(10));
        var batches = Epoch(loader);
        Assert.That(loader.Count, Is.EqualTo(3));
        Assert.That(batches.Select(b => b.Length), Is.EqualTo(new[] { 4, 4, 2 }));
        Assert.That(batches.SelectMany(b => b), Is.EqualTo(Enumerable.Range(0, 10).Select(i => (long)i)));
    }

    [Test]
    public void Rows_of_all_tensors_stay_aligned_and_keep_their_trailing_shape()
    {
        torch.manual_seed(1);
        foreach (var batch in new TensorLoader(3, shuffle: true, Rows(7), torch.arange(7)))
        {
            Assert.That(batch[0].shape[1], Is.EqualTo(3));
            Assert.That(batch[0][.., 0].to_type(ScalarType.Int64).data<long>().ToArray(), Is.EqualTo(batch[1].data<long>().ToArray()));
        }
    }

    [Test]
    public void Drop_last_skips_the_incomplete_batch()
    {
        var loader = new TensorLoader(4, shuffle: false, dropLast: true, generator: null, torch.arange(10), torch.arange(10));
        Assert.That(loader.Count, Is.EqualTo(2));
        Assert.That(Epoch(loader).Select(b => b.Length), Is.EqualTo(new[] { 4, 4 }));
    }

    [Test]
    public void Shuffling_draws_a_new_order_every_epoch_and_repeats_after_the_same_seed()
    {
        var loader = new TensorLoader(5, shuffle: true, torch.arange(20), torch.arange(20));
        torch.manual_seed(3);
        var first = Epoch(loader).SelectMany(b => b).ToArray();
        var second = Epoch(loader).SelectMany(b => b).ToArray();
        torch.manual_seed(3);
        var again = Epoch(loader).SelectMany(b => b).ToArray();
        Assert.That(first.Order(), Is.EqualTo(Enumerable.Range(0, 20).Select(i => (long)i)));
        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public void The_order_is_torch_randperm_of_the_seeded_generator_as_in_PyTorch()
    {
        torch.manual_seed(11);
        var expected = torch.randperm(12).data<long>().ToArray();
        torch.manual_seed(11);
        var order = Epoch(new TensorLoader(12, shuffle: true, torch.arange(12), torch.arange(12))).Single();
        Assert.That(order, Is.EqualTo(expected));
    }

    [Test]
    public void A_batch_is_freed_when_the_next_one_is_fetched()
    {
        var kept = new List<Tensor>();
        foreach (var batch in new TensorLoader(2, shuffle: false, torch.arange(6))) kept.Add(batch[0]);
        Assert.That(kept.All(t => t.IsInvalid), "every batch tensor is disposed by the end of the epoch");
    }

    [Test]
    public void Tensors_of_different_lengths_are_refused_with_their_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new TensorLoader(2, shuffle: false, torch.zeros(5, 2), torch.zeros(4)));
        Assert.That(e!.Message, Does.Contain("[5, 2]").And.Contain("[4]"));
    }
}
