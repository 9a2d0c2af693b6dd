namespace GenAI.Models;

/// <summary>The model that knows nothing: every one of <see cref="Size"/> ids has probability 1/V. Its bits per character are log₂ V.</summary>
public sealed class UniformModel(int size) : ISequenceScorer
{
    /// <summary>V, the alphabet size.</summary>
    public int Size { get; } = size > 0 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "Das Alphabet braucht mindestens ein Zeichen.");

    /// <inheritdoc/>
    public string Name => "gleichverteilt";

    /// <inheritdoc/>
    public double NegativeLogLikelihood(IReadOnlyList<int> ids, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return (ids.Count - from) * Math.Log(Size);
    }
}
