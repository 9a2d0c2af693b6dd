using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// Data parallelism on one CPU, as PyTorch's <c>DataParallel</c> does it across GPUs: the model and its replicas share one set
/// of weights (<see cref="FlatParameters"/>), each takes an equal share of a batch on its own thread (<see cref="ShardThreads"/>,
/// one LibTorch thread each), and the shares' gradients are summed in a fixed order. A step therefore equals one on the whole
/// batch up to float rounding and repeats exactly. For small models this keeps both cores of a laptop busy where splitting each
/// matrix product and each small operation over two threads leaves one of them waiting (README, "A small GPT": nanoGPT's CPU
/// recipe takes 36–38 instead of 39–45 ms per step on two cores this way).
/// </summary>
/// <typeparam name="TModel">The model; replicas must have the same parameters in the same order.</typeparam>
public sealed class DataParallel<TModel> : IDisposable where TModel : nn.Module
{
    private readonly TModel[] replicas;           // [0] is the caller's model
    private readonly FlatParameters flat;
    private readonly ShardThreads threads;

    /// <summary>Replicates <paramref name="model"/> <paramref name="count"/> − 1 times and packs the weights into shared buffers.</summary>
    /// <param name="model">The model to train; its parameters become views of the shared buffers until <see cref="Dispose"/>.</param>
    /// <param name="replicate">Builds a model of the same architecture (its initial weights are replaced by the model's).</param>
    /// <param name="count">Replicas including the model: one per core.</param>
    /// <param name="group">The optimizer group of a parameter (e.g. 0: decays, 1: does not).</param>
    public DataParallel(TModel model, Func<TModel> replicate, int count, Func<Parameter, int> group)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(replicate);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var state = torch.get_rng_state();       // building replicas draws initial weights: leave the caller's random stream as it was
        try { replicas = [model, .. Enumerable.Range(1, count - 1).Select(_ => replicate())]; }
        finally { torch.set_rng_state(state); state.Dispose(); }
        // The replicas live until Dispose, not until the end of a dispose scope the caller may have open.
        foreach (var p in replicas.Skip(1).SelectMany(r => r.parameters())) p.DetachFromDisposeScope();
        flat = new FlatParameters([.. model.parameters()], group);
        foreach (var replica in replicas.Skip(1)) flat.Bind([.. replica.parameters()]);
        threads = new ShardThreads(count);
        Slices = flat.Partition(count);
    }

    /// <summary>How many model copies share a batch.</summary>
    public int Count => replicas.Length;

    /// <summary>The shared weights, one buffer per group (see <see cref="FlatParameters.Groups"/>); their gradients are the batch's.</summary>
    public FlatParameters Parameters => flat;

    /// <summary>
    /// The shared weights cut into one slice per replica (<see cref="FlatParameters.Partition"/>): give each to its own optimizer and
    /// update them side by side with <see cref="Step"/>. An element-wise optimizer such as AdamW then does element by element what one
    /// optimizer over all weights would, in half the time on two cores.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<(Parameter Slice, int Group)>> Slices { get; }

    /// <summary>Runs <paramref name="step"/>(i), the update of <see cref="Slices"/>[i], for all replicas side by side.</summary>
    public void Step(Action<int> step) => threads.Run(step);

    /// <summary>
    /// Computes <paramref name="loss"/> of each replica on its share of the batch and backpropagates it, weighted by the share's size,
    /// so the gradient buffers hold the gradient of the batch's mean loss. Returns that mean loss.
    /// </summary>
    /// <param name="x">Inputs [B, …]; B is split into <see cref="Count"/> nearly equal shares.</param>
    /// <param name="y">Targets [B, …].</param>
    /// <param name="loss">Mean loss of a model on a share (a scalar tensor).</param>
    public float ForwardBackward(Tensor x, Tensor y, Func<TModel, Tensor, Tensor, Tensor> loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        double mean = RunShares(x, y, (i, xs, ys, weight) =>
        {
            flat.ZeroGradients(i);
            if (weight == 0) return 0;
            var value = loss(replicas[i], xs, ys);
            (value * weight).backward();
            return value.item<float>();
        });
        flat.SumGradients();
        return (float)mean;
    }

    /// <summary>The mean of <paramref name="loss"/> over the rows of a batch, scored in shares side by side without gradients.</summary>
    public double MeanLoss(Tensor x, Tensor y, Func<TModel, Tensor, Tensor, Tensor> loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return RunShares(x, y, (i, xs, ys, weight) =>
        {
            if (weight == 0) return 0;
            using var noGrad = no_grad();
            return loss(replicas[i], xs, ys).item<float>();
        });
    }

    /// <summary>Stops the threads, gives the model its own storage again and frees the replicas.</summary>
    public void Dispose()
    {
        threads.Dispose();
        foreach (var (slice, _) in Slices.SelectMany(s => s)) slice.Dispose();
        flat.Dispose();
        foreach (var replica in replicas.Skip(1)) replica.Dispose();
    }

    // Splits x and y [B, …] into Count nearly equal shares and runs share(i, x_i, y_i, weight_i) side by side, weight_i = B_i / B
    // (0 for an empty share); returns the sum of weight_i × share's value: the batch mean when each share returns its own mean.
    private double RunShares(Tensor x, Tensor y, Func<int, Tensor, Tensor, double, double> share)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        long batch = x.shape[0];
        var xs = x.tensor_split(Count, 0);
        var ys = y.tensor_split(Count, 0);
        var parts = new double[Count];
        Mirror();
        threads.Run(i =>
        {
            using var scope = NewDisposeScope();
            double weight = (double)xs[i].shape[0] / batch;
            parts[i] = weight * share(i, xs[i], ys[i], weight);
        });
        return parts.Sum();
    }

    // Replicas follow the model's train/eval mode (dropout, if any).
    private void Mirror()
    {
        foreach (var replica in replicas.Skip(1))
            if (replica.training != replicas[0].training) replica.train(replicas[0].training);
    }
}
