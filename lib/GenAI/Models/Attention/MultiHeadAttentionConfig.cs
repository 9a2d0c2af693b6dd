namespace GenAI.Models;

/// <summary>
/// Sizes of a <see cref="MultiHeadSelfAttention"/> layer: the model width is split evenly over the
/// heads, so each head works in EmbeddingSize / Heads dimensions (Vaswani et al. 2017, §3.2.2).
/// </summary>
public sealed record MultiHeadAttentionConfig
{
    /// <summary>Width of the vectors that go in and come out (d_model).</summary>
    public int EmbeddingSize { get; init; } = 64;

    /// <summary>Number of heads h; must divide <see cref="EmbeddingSize"/>.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Whether every position sees only itself and earlier positions (a language model's attention).</summary>
    public bool Causal { get; init; } = true;

    /// <summary>Dropout on the attention weights and on the output projection while training (0 = none).</summary>
    public double Dropout { get; init; }

    /// <summary>Whether the projections have bias terms (nanoGPT's <c>--no-bias</c> turns them off).</summary>
    public bool Bias { get; init; } = true;

    /// <summary>Dimensions per head: d_k = d_v = EmbeddingSize / Heads.</summary>
    public int HeadSize => EmbeddingSize / Heads;

    /// <summary>Throws with a German message naming the problem when the sizes do not fit together.</summary>
    public void Validate()
    {
        if (EmbeddingSize < 1)
            throw new ArgumentOutOfRangeException(nameof(EmbeddingSize), $"Die Einbettungsgröße muss positiv sein, nicht {EmbeddingSize}.");
        if (Heads < 1) throw new ArgumentOutOfRangeException(nameof(Heads), $"Es braucht mindestens einen Kopf, nicht {Heads}.");
        if (EmbeddingSize % Heads != 0)
            throw new ArgumentException(
                $"Die Einbettungsgröße {EmbeddingSize} lässt sich nicht gleichmäßig auf {Heads} Köpfe verteilen; "
                + $"wähle eine Kopfzahl, die {EmbeddingSize} teilt (z. B. {SuggestHeads()}).");
        if (Dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Dropout), $"Dropout ist eine Wahrscheinlichkeit in [0, 1), nicht {Dropout}.");
    }

    private string SuggestHeads() =>
        string.Join(", ", Enumerable.Range(1, Math.Min(EmbeddingSize, 16)).Where(h => EmbeddingSize % h == 0));
}
