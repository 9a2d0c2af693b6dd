using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// A character-level language model made of attention only: token and position embeddings, then
/// <see cref="AttentionLanguageModelConfig.Layers"/> residual layers x ← x + Attention(LayerNorm(x)), then a
/// LayerNorm and a linear layer to one logit per character. No MLP between the layers — the "attention-only
/// transformer" of Elhage et al. (2021), "A Mathematical Framework for Transformer Circuits"; chapter 07's GPT adds
/// the MLP. Small enough to train in a minute on a CPU, and every head's weights can be read out for plotting.
/// <code>
/// var model = new AttentionLanguageModel(new AttentionLanguageModelConfig(vocab.Size, ContextLength: 64));
/// var logits = model.forward(x);                         // [B, T, V]
/// var (_, weights) = model.ForwardWithWeights(x);        // weights[layer]: [B, H, T, T]
/// </code>
/// </summary>
public sealed class AttentionLanguageModel : nn.Module<Tensor, Tensor>
{
    private readonly Embedding token;          // id → vector [V, C]
    private readonly Embedding position;       // position → vector [T, C]: attention itself does not know the order
    private readonly ModuleList<LayerNorm> norms;
    private readonly ModuleList<MultiHeadSelfAttention> layers;
    private readonly LayerNorm norm;
    private readonly Linear head;

    /// <summary>Builds the layers (weights from torch's global generator: seed it first).</summary>
    public AttentionLanguageModel(AttentionLanguageModelConfig config) : base(nameof(AttentionLanguageModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int c = config.EmbeddingSize;
        token = nn.Embedding(config.VocabularySize, c);
        position = nn.Embedding(config.ContextLength, c);
        norms = nn.ModuleList([.. Enumerable.Range(0, config.Layers).Select(_ => nn.LayerNorm(c))]);
        layers = nn.ModuleList([.. Enumerable.Range(0, config.Layers).Select(_ => new MultiHeadSelfAttention(config.Attention))]);
        norm = nn.LayerNorm(c);
        head = nn.Linear(c, config.VocabularySize);
        RegisterComponents();
    }

    /// <summary>The sizes.</summary>
    public AttentionLanguageModelConfig Config { get; }

    /// <summary>The attention layers, first to last.</summary>
    public IReadOnlyList<MultiHeadSelfAttention> Layers => [.. layers];

    /// <summary>Logits [B, T, V] for ids [B, T] (T ≤ ContextLength); position t predicts the id after ids[:, t].</summary>
    public override Tensor forward(Tensor ids)
    {
        var x = Embed(ids);                                                 // [B, T, C]
        for (int i = 0; i < layers.Count; i++)
            x = x + layers[i].forward(norms[i].forward(x));                 // residual: [B, T, C]
        return head.forward(norm.forward(x));                               // [B, T, V]
    }

    /// <summary>The same logits as <see cref="forward(Tensor)"/> and every layer's attention weights [B, H, T, T].</summary>
    public (Tensor Logits, IReadOnlyList<Tensor> Weights) ForwardWithWeights(Tensor ids)
    {
        var x = Embed(ids);                                                 // [B, T, C]
        var weights = new List<Tensor>(layers.Count);
        for (int i = 0; i < layers.Count; i++)
        {
            var (y, w) = layers[i].ForwardWithWeights(norms[i].forward(x));  // y [B, T, C], w [B, H, T, T]
            x = x + y;
            weights.Add(w);
        }
        return (head.forward(norm.forward(x)), weights);
    }

    /// <summary>Mean cross-entropy (nats per character) of predicting y [B, T] from x [B, T].</summary>
    public Tensor Loss(Tensor x, Tensor y) => NextTokenPrediction.Loss(this, x, y);

    /// <summary>
    /// Continues <paramref name="prompt"/> by <paramref name="count"/> ids, one at a time; the model sees the last
    /// ContextLength ids. Each next id comes from <see cref="Sampler"/> with <paramref name="options"/>.
    /// </summary>
    public int[] Generate(IReadOnlyList<int> prompt, int count, SamplingOptions options, Random random)
    {
        NextTokenPrediction.CheckPrompt(prompt, Config.VocabularySize, "Zeichen");
        bool wasTraining = training;
        eval();
        var ids = prompt.ToList();
        using (no_grad())
        {
            for (int step = 0; step < count; step++)
            {
                using var scope = NewDisposeScope();
                var window = ids.Skip(Math.Max(0, ids.Count - Config.ContextLength)).Select(i => (long)i).ToArray();
                var logits = forward(torch.tensor(window, [1, window.Length]));   // [1, T, V]
                ids.Add(Sampler.Next(logits[0, -1], options, random));            // logits of the last position: [V]
            }
        }
        train(wasTraining);
        return [.. ids.Skip(prompt.Count)];
    }

    private Tensor Embed(Tensor ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.dim() != 2) throw new ArgumentException($"Erwartet werden Ids der Form [B, T]; bekommen: {ScaledDotProductAttention.Shape(ids)}.", nameof(ids));
        long t = ids.shape[1];
        if (t > Config.ContextLength)
            throw new ArgumentException(
                $"Das Modell kennt nur {Config.ContextLength} Positionen, bekommen hat es {t}: "
                + $"kürze die Eingabe auf die letzten {Config.ContextLength} Zeichen.", nameof(ids));
        var positions = torch.arange(t, dtype: ScalarType.Int64, device: ids.device);   // [T]
        return token.forward(ids) + position.forward(positions);               // [B, T, C] + [T, C] → [B, T, C]
    }
}
