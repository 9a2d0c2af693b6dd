using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// A model's parameters packed into one contiguous buffer per optimizer group ("flat parameters", as DeepSpeed's and FSDP's
/// flat buffers): each parameter becomes a view of its group's buffer, so an optimizer and gradient clipping work on two long
/// tensors instead of dozens of small ones, and replicas of the model can share the very same weights. Every replica bound
/// here gets its own gradient buffers, into which its backward pass accumulates.
/// </summary>
public sealed class FlatParameters : IDisposable
{
    private readonly Parameter[] buffers;                     // one [n_g] buffer per non-empty group
    private readonly (int Buffer, long Offset, long[] Shape)[] slots;   // where parameter i lives
    private readonly List<IReadOnlyList<Parameter>> bound = [];        // the models bound, the packed one first
    private readonly List<Tensor[]> gradients = [];                    // their gradient buffers, one per group

    /// <summary>Packs <paramref name="parameters"/>; <paramref name="group"/> names each one's optimizer group (0, 1, …).</summary>
    /// <param name="parameters">The model's parameters, in a fixed order (e.g. <c>model.parameters()</c>).</param>
    /// <param name="group">The group of a parameter; groups without parameters get no buffer.</param>
    public FlatParameters(IReadOnlyList<Parameter> parameters, Func<Parameter, int> group)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(group);
        if (parameters.Count == 0) throw new ArgumentException("Das Modell hat keine Parameter.", nameof(parameters));
        var groups = parameters.Select(group).ToArray();
        if (groups.Any(g => g < 0)) throw new ArgumentOutOfRangeException(nameof(group), "Gruppennummern beginnen bei 0.");
        var used = groups.Distinct().Order().ToArray();
        Groups = used;
        var sizes = new long[used.Length];
        slots = new (int, long, long[])[parameters.Count];
        for (int i = 0; i < parameters.Count; i++)
        {
            int b = Array.IndexOf(used, groups[i]);
            slots[i] = (b, sizes[b], parameters[i].shape);
            sizes[b] += parameters[i].numel();
        }
        var first = parameters[0];
        if (parameters.Any(p => p.dtype != first.dtype || p.device_type != first.device_type))
            throw new ArgumentException("Flache Puffer brauchen Parameter eines Datentyps auf einem Gerät.", nameof(parameters));
        // These buffers live as long as this object, not as long as the caller's dispose scope.
        buffers = [.. sizes.Select(n => Keep(new Parameter(zeros(n, dtype: first.dtype, device: first.device))))];
        using (no_grad())
        using (NewDisposeScope())
            for (int i = 0; i < parameters.Count; i++)
                View(buffers, i).copy_(parameters[i]);
        Bind(parameters);
    }

    /// <summary>The group number of each buffer in <see cref="Buffers"/>.</summary>
    public IReadOnlyList<int> Groups { get; }

    /// <summary>One buffer per group; its <c>grad</c> is the first bound model's gradient buffer. Hand these to the optimizer.</summary>
    public IReadOnlyList<Parameter> Buffers => buffers;

    /// <summary>
    /// Makes <paramref name="parameters"/> (a replica's, same shapes in the same order) views of the shared buffers, so the replica
    /// computes with the same weights, and points their gradients at fresh zeroed buffers of its own.
    /// </summary>
    public void Bind(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != slots.Length || parameters.Where((p, i) => !p.shape.SequenceEqual(slots[i].Shape)).Any())
            throw new ArgumentException(
                $"Die Replik hat andere Parameter ({parameters.Count}) als das Modell ({slots.Length}) oder andere Formen.", nameof(parameters));
        var own = buffers.Select(b => Keep(zeros_like(b))).ToArray();
        using (no_grad())
        using (NewDisposeScope())   // frees the view handles; the parameters keep the storage
            for (int i = 0; i < parameters.Count; i++)
            {
                parameters[i].set_(View(buffers, i));
                parameters[i].grad = View(own, i);   // backward adds into an existing gradient in place
            }
        if (bound.Count == 0)
            for (int b = 0; b < buffers.Length; b++) buffers[b].grad = own[b];
        bound.Add(parameters);
        gradients.Add(own);
    }

    /// <summary>
    /// Splits every buffer into <paramref name="parts"/> nearly equal slices, for one optimizer per data-parallel worker (ZeRO stage 1,
    /// Rajbhandari et al. 2020: each worker keeps the optimizer state of its slice and updates only that). Part i holds one parameter
    /// per buffer (empty slices left out); each is a view of its buffer slice, its gradient the same slice of the first model's
    /// gradient buffer, and <see cref="Groups"/>[b] of its buffer b is in <c>Group</c>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<(Parameter Slice, int Group)>> Partition(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var result = new List<(Parameter, int)>[parts];
        using (no_grad())
            for (int i = 0; i < parts; i++)
            {
                result[i] = [];
                for (int b = 0; b < buffers.Length; b++)
                {
                    long n = buffers[b].numel(), start = n * i / parts, length = n * (i + 1) / parts - start;
                    if (length == 0) continue;
                    var slice = Keep(new Parameter(buffers[b].detach().narrow(0, start, length)));   // shares the buffer's storage
                    using (var gradient = gradients[0][b].narrow(0, start, length)) slice.grad = gradient;
                    result[i].Add((slice, Groups[b]));
                }
            }
        return result;
    }

    /// <summary>Sets the gradients of the model bound <paramref name="index"/>-th to zero (each replica's thread clears its own).</summary>
    public void ZeroGradients(int index)
    {
        using (no_grad())
            foreach (var g in gradients[index]) g.zero_();
    }

    /// <summary>Adds the gradients of the replicas bound after the first to the first's, in binding order (so the sum repeats exactly).</summary>
    public void SumGradients()
    {
        using (no_grad())
            for (int m = 1; m < gradients.Count; m++)
                for (int b = 0; b < buffers.Length; b++) gradients[0][b].add_(gradients[m][b]);
    }

    /// <summary>Gives every bound parameter its own storage again (a copy of its current value) and drops the gradient views.</summary>
    public void Dispose()
    {
        using (no_grad())
            foreach (var parameters in bound)
                foreach (var p in parameters)
                {
                    p.set_(p.detach().clone());
                    p.grad = null;
                }
        bound.Clear();
        foreach (var own in gradients)
            foreach (var g in own) g.Dispose();
        gradients.Clear();
        foreach (var b in buffers) b.Dispose();
    }

    private static T Keep<T>(T tensor) where T : Tensor
    {
        tensor.DetachFromDisposeScope();
        return tensor;
    }

    private Tensor View(IReadOnlyList<Tensor> flat, int i) =>
        flat[slots[i].Buffer].narrow(0, slots[i].Offset, slots[i].Shape.Aggregate(1L, (a, d) => a * d)).view(slots[i].Shape);
}
