namespace GenAI.Models;

/// <summary>Size of a <see cref="CharRnnLanguageModel"/>: alphabet, embedding width, hidden width, layers and cell.</summary>
public sealed record CharRnnConfig(int VocabularySize, int EmbeddingSize = 32, int HiddenSize = 128, int Layers = 1, RecurrentKind Kind = RecurrentKind.Lstm)
{
    /// <summary>Throws with a German message when a size is out of range.</summary>
    public void Validate()
    {
        if (VocabularySize < 1) throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, "Das Alphabet braucht mindestens ein Zeichen.");
        if (EmbeddingSize < 1 || HiddenSize < 1)
            throw new ArgumentOutOfRangeException(nameof(HiddenSize), "Einbettung und Zustand brauchen mindestens eine Dimension.");
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "Mindestens eine Schicht.");
    }
}
