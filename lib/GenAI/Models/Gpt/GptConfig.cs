using System.Text.Json.Serialization;

namespace GenAI.Models;

/// <summary>
/// The sizes of a <see cref="Gpt"/> (Radford et al. 2019; names as in nanoGPT's <c>GPTConfig</c>). The defaults are
/// nanoGPT's "baby GPT" CPU recipe: 4 layers, 4 heads, width 128, 64 positions, no dropout.
/// </summary>
/// <param name="VocabularySize">Distinct token ids V (for characters: the alphabet).</param>
/// <param name="BlockSize">Context length: the most positions the model sees at once.</param>
/// <param name="Layers">Transformer blocks stacked on each other.</param>
/// <param name="Heads">Attention heads per block; must divide <paramref name="EmbeddingSize"/>.</param>
/// <param name="EmbeddingSize">Width d_model of every position's vector.</param>
/// <param name="Dropout">Dropout while training (0 = none; small data benefits from 0,1–0,2).</param>
/// <param name="Bias">Whether linear layers and LayerNorms have bias terms (nanoGPT's <c>--no-bias</c> is false).</param>
public sealed record GptConfig(int VocabularySize, int BlockSize = 64, int Layers = 4, int Heads = 4, int EmbeddingSize = 128,
    double Dropout = 0, bool Bias = true)
{
    /// <summary>The attention layers' sizes: causal, the model's width, heads and dropout.</summary>
    [JsonIgnore]
    public MultiHeadAttentionConfig Attention => new() { EmbeddingSize = EmbeddingSize, Heads = Heads, Causal = true, Dropout = Dropout, Bias = Bias };

    /// <summary>Width of the MLP's hidden layer: 4·d_model, as in GPT-2.</summary>
    [JsonIgnore]
    public int MlpSize => 4 * EmbeddingSize;

    /// <summary>
    /// The number of parameters, from the sizes alone (C = width, L = layers, V = vocabulary, T = block size):
    /// embeddings (V + T)·C; per block 12·C² weights (attention 4·C², MLP 8·C²) plus, with bias, 9·C biases and 2·C
    /// LayerNorm shifts, and 2·C LayerNorm scales; the final LayerNorm C (+ C); the output layer V·C (no bias, as nanoGPT's).
    /// </summary>
    [JsonIgnore]
    public long ParameterCount
    {
        get
        {
            long c = EmbeddingSize, v = VocabularySize, t = BlockSize, b = Bias ? 1 : 0;
            long perBlock = 12 * c * c + 2 * c + b * (3 * c + c + 4 * c + c + 2 * c);   // weights, LN scales, biases: qkv, proj, fc, fc-proj, LN shifts
            return (v + t) * c + Layers * perBlock + c + b * c + v * c;
        }
    }

    /// <summary>Throws with a message naming the problem when the sizes do not fit together.</summary>
    public void Validate()
    {
        if (VocabularySize < 2)
            throw new ArgumentOutOfRangeException(nameof(VocabularySize), $"Das Vokabular braucht mindestens 2 Einträge, nicht {VocabularySize}.");
        if (BlockSize < 1) throw new ArgumentOutOfRangeException(nameof(BlockSize), $"Die Kontextlänge muss positiv sein, nicht {BlockSize}.");
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), $"Es braucht mindestens einen Block, nicht {Layers}.");
        Attention.Validate();
    }
}
