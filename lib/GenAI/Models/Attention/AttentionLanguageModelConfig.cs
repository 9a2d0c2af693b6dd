namespace GenAI.Models;

/// <summary>
/// Sizes of an <see cref="AttentionLanguageModel"/>: alphabet, context length, width, heads per layer and layers.
/// </summary>
public sealed record AttentionLanguageModelConfig(int VocabularySize, int ContextLength = 64, int EmbeddingSize = 64, int Heads = 4, int Layers = 2)
{
    /// <summary>Throws with a German message when a size is out of range or the heads do not divide the width.</summary>
    public void Validate()
    {
        if (VocabularySize < 1) throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, "Das Alphabet braucht mindestens ein Zeichen.");
        if (ContextLength < 1) throw new ArgumentOutOfRangeException(nameof(ContextLength), ContextLength, "Der Kontext braucht mindestens eine Position.");
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "Mindestens eine Schicht.");
        Attention.Validate();
    }

    /// <summary>The configuration of each attention layer (causal, no dropout).</summary>
    public MultiHeadAttentionConfig Attention => new() { EmbeddingSize = EmbeddingSize, Heads = Heads, Causal = true };
}
