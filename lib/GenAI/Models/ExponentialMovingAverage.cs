using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// An exponential moving average of a model's parameters, the averaged weights DDPM samples with (Ho et al. 2020,
/// appendix B: decay 0,9999). After each optimiser step, <see cref="Update"/> sets shadow ← d · shadow + (1 − d) · θ.
/// The decay warms up as d_n = min(d, (1 + n) / (10 + n)) after n updates (TensorFlow's num_updates rule), so a short
/// run is not dominated by its random initial weights. <see cref="CopyToParameters"/> writes the average into the model.
/// </summary>
public sealed class ExponentialMovingAverage : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _shadow;
    private long _updates;

    /// <summary>Starts the average at the parameters' current values; the optimiser updates them in place.</summary>
    public ExponentialMovingAverage(IEnumerable<Parameter> parameters, double decay)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (decay is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "Der Zerfall eines gleitenden Mittels liegt in [0, 1), üblich sind 0,99 bis 0,9999.");
        Decay = decay;
        _parameters = parameters.ToArray();
        using var noGrad = torch.no_grad();
        _shadow = _parameters.Select(p => p.detach().clone().DetachFromDisposeScope()).ToArray();
    }

    /// <summary>The target decay d.</summary>
    public double Decay { get; }

    /// <summary>The decay the next <see cref="Update"/> uses.</summary>
    public double CurrentDecay => Math.Min(Decay, (1.0 + _updates) / (10.0 + _updates));

    /// <summary>Moves the average towards the parameters' current values (call after each optimiser step).</summary>
    public void Update()
    {
        double d = CurrentDecay;
        using var noGrad = torch.no_grad();
        for (int i = 0; i < _shadow.Length; i++) _shadow[i].mul_(d).add_(_parameters[i], alpha: 1 - d);
        _updates++;
    }

    /// <summary>Overwrites the parameters with the average (e.g. at the end of training, before sampling).</summary>
    public void CopyToParameters()
    {
        using var noGrad = torch.no_grad();
        for (int i = 0; i < _shadow.Length; i++) _parameters[i].copy_(_shadow[i]);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in _shadow) t.Dispose();
    }
}
