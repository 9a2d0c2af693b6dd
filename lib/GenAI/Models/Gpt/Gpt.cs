using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// A decoder-only transformer language model in the shape of GPT-2 (Radford et al. 2019), sized by <see cref="GptConfig"/>:
/// token and learned position embeddings, <see cref="GptConfig.Layers"/> pre-LN blocks (causal multi-head attention and
/// MLP, each on a residual path), a final LayerNorm and a linear layer to one logit per vocabulary entry. Parameter names
/// follow nanoGPT (<c>transformer.h.0.attn…</c> becomes <c>h.0.attn…</c>), so the structure reads the same.
/// Unlike GPT-2 the output layer does not share its weights with the token embedding (one matrix fewer to explain).
/// <code>
/// var gpt = new Gpt(new GptConfig(vocab.Size));
/// var logits = gpt.forward(x);                         // [B, T, V]
/// var loss = gpt.Loss(x, y);                           // mean cross-entropy, nats per token
/// int[] next = gpt.Generate(prompt, 200, new SamplingOptions(0.8, TopK: 20), random);
/// </code>
/// </summary>
public sealed class Gpt : nn.Module<Tensor, Tensor>, ISequenceScorer
{
    private readonly Embedding wte;                 // token id → vector [V, C]
    private readonly Embedding wpe;                 // position → vector [T, C]: attention alone does not know the order
    private readonly Dropout drop;
    private readonly ModuleList<GptBlock> h;
    private readonly LayerNorm ln_f;
    private readonly Linear lm_head;                // C → V

    /// <summary>Builds the model with GPT-2's initialisation (weights from torch's global generator: seed it first).</summary>
    public Gpt(GptConfig config) : base(nameof(Gpt))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int c = config.EmbeddingSize;
        wte = nn.Embedding(config.VocabularySize, c);
        wpe = nn.Embedding(config.BlockSize, c);
        drop = nn.Dropout(config.Dropout);
        h = nn.ModuleList([.. Enumerable.Range(0, config.Layers).Select(_ => new GptBlock(config))]);
        ln_f = nn.LayerNorm(c, bias: config.Bias);
        lm_head = nn.Linear(c, config.VocabularySize, hasBias: false);
        RegisterComponents();
        Initialise();
    }

    /// <summary>The sizes.</summary>
    public GptConfig Config { get; }

    /// <summary>The blocks, first to last.</summary>
    public IReadOnlyList<GptBlock> Blocks => [.. h];

    /// <summary>The learned position embeddings [BlockSize, C].</summary>
    public Tensor PositionEmbeddings => wpe.weight!;

    /// <inheritdoc/>
    string ISequenceScorer.Name => $"GPT ({Config.Layers} Blöcke, {Config.EmbeddingSize} breit)";

    /// <summary>Logits [B, T, V] for ids [B, T] (T ≤ BlockSize); position t predicts the id after ids[:, t].</summary>
    public override Tensor forward(Tensor ids)
    {
        var x = Embed(ids, start: 0);                   // [B, T, C]
        foreach (var block in h) x = block.forward(x);
        return lm_head.forward(ln_f.forward(x));         // [B, T, V]
    }

    /// <summary>
    /// Logits [B, T_new, V] for new ids [B, T_new] that continue what <paramref name="caches"/> (one per block) already
    /// hold; their keys and values are appended. The positions go on from the cached length.
    /// </summary>
    public Tensor forward(Tensor ids, IReadOnlyList<KeyValueCache> caches)
    {
        ArgumentNullException.ThrowIfNull(caches);
        if (caches.Count != h.Count) throw new ArgumentException($"Es braucht einen Cache pro Block ({h.Count}), nicht {caches.Count}.", nameof(caches));
        var x = Embed(ids, start: caches[0].Length);    // [B, T_new, C]
        for (int i = 0; i < h.Count; i++) x = h[i].forward(x, caches[i]);
        return lm_head.forward(ln_f.forward(x));         // [B, T_new, V]
    }

    /// <summary>The same logits as <see cref="forward(Tensor)"/> and every block's attention weights [B, H, T, T].</summary>
    public (Tensor Logits, IReadOnlyList<Tensor> Weights) ForwardWithWeights(Tensor ids)
    {
        var x = Embed(ids, start: 0);
        var weights = new List<Tensor>(h.Count);
        foreach (var block in h)
        {
            (x, var w) = block.ForwardWithWeights(x);
            weights.Add(w);
        }
        return (lm_head.forward(ln_f.forward(x)), weights);
    }

    /// <summary>Mean cross-entropy (nats per token) of predicting targets y [B, T] from ids x [B, T].</summary>
    public Tensor Loss(Tensor x, Tensor y) => NextTokenPrediction.Loss(this, x, y);

    /// <summary>
    /// Continues <paramref name="prompt"/> by <paramref name="count"/> ids, each drawn by <see cref="Sampler"/> with
    /// <paramref name="options"/>. With <paramref name="useCache"/> every block keeps its keys and values, so each step
    /// feeds only the newest id (one query against the cache) instead of the whole window again.
    /// Without the cache each step sees the last BlockSize ids. With it the same holds until the cache is full; then it
    /// starts over from the last BlockSize/2 ids, so from there on the two can differ.
    /// </summary>
    public int[] Generate(IReadOnlyList<int> prompt, int count, SamplingOptions options, Random random, bool useCache = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        NextTokenPrediction.CheckPrompt(prompt, Config.VocabularySize, "Token");
        options.Validate();
        bool wasTraining = training;
        eval();
        var ids = prompt.ToList();
        var caches = useCache ? Enumerable.Range(0, h.Count).Select(_ => new KeyValueCache()).ToArray() : null;
        try
        {
            using var noGrad = no_grad();
            for (int step = 0; step < count; step++)
            {
                using var scope = NewDisposeScope();
                Tensor logits;                                                       // [1, T, V]
                if (caches is null)
                    logits = forward(Window(ids, Config.BlockSize));
                else if (step == 0 || caches[0].Length >= Config.BlockSize)
                {
                    // Prefill: the prompt's window at once; when full, start over from the last half block.
                    foreach (var cache in caches) cache.Clear();
                    logits = forward(Window(ids, step == 0 ? Config.BlockSize : Math.Max(1, Config.BlockSize / 2)), caches);
                }
                else
                    logits = forward(torch.tensor(new long[] { ids[^1] }, [1, 1]), caches);   // one new position
                ids.Add(Sampler.Next(logits[0, -1], options, random));              // logits of the last position: [V]
            }
        }
        finally
        {
            if (caches is not null) foreach (var cache in caches) cache.Dispose();
            train(wasTraining);
        }
        return [.. ids.Skip(prompt.Count)];
    }

    /// <summary>
    /// −Σ ln p(ids[i] | past) over i ≥ <paramref name="from"/>, in nats. The text is scored in windows of BlockSize that
    /// overlap by half, so every id (after the first window) is predicted from at least BlockSize/2 ids of past.
    /// </summary>
    public double NegativeLogLikelihood(IReadOnlyList<int> ids, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (from < 0 || from >= ids.Count) throw new ArgumentOutOfRangeException(nameof(from));
        bool wasTraining = training;
        eval();
        int t = Config.BlockSize, stride = Math.Max(1, t / 2);
        // Window w covers inputs [s, s + t) and targets [s + 1, s + t]; it scores targets from max(s + 1, scored-up-to + 1).
        var windows = new List<(int Start, int Length, int FirstTarget)>();
        int scoredTo = 0;                                     // targets 1 … scoredTo are done
        for (int s = 0; scoredTo < ids.Count - 1; s += stride)
        {
            int length = Math.Min(t, ids.Count - 1 - s);
            windows.Add((s, length, scoredTo + 1));
            scoredTo = s + length;
        }
        double nats = 0;
        using (no_grad())
        {
            const int batch = 32;
            for (int b = 0; b < windows.Count; b += batch)
            {
                using var scope = NewDisposeScope();
                var group = windows.Skip(b).Take(batch).ToArray();
                int width = group.Max(w => w.Length);
                var x = new long[group.Length * width];               // short last window padded with id 0; its padding is ignored
                for (int i = 0; i < group.Length; i++)
                    for (int j = 0; j < group[i].Length; j++) x[i * width + j] = ids[group[i].Start + j];
                var logp = nn.functional.log_softmax(forward(torch.tensor(x, [group.Length, width])), 2);   // [G, W, V]
                var lp = logp.data<float>();
                int v = Config.VocabularySize;
                for (int i = 0; i < group.Length; i++)
                    for (int j = 0; j < group[i].Length; j++)
                    {
                        int target = group[i].Start + j + 1;
                        if (target >= group[i].FirstTarget && target >= from) nats -= lp[((long)i * width + j) * v + ids[target]];
                    }
            }
        }
        if (from == 0) nats += Math.Log(Config.VocabularySize);   // the first id has no past: charge it uniformly
        train(wasTraining);
        return nats;
    }

    /// <summary>Saves weights (safetensors) and config (JSON beside them).</summary>
    public void Save(string path) => Checkpoint.Save(this, Config, path);

    /// <summary>Loads a model saved with <see cref="Save"/>.</summary>
    public static Gpt Load(string path) => Checkpoint.Load<Gpt, GptConfig>(path, config => new Gpt(config));

    private Tensor Embed(Tensor ids, long start)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.dim() != 2) throw new ArgumentException($"Erwartet werden Ids der Form [B, T]; bekommen: {ScaledDotProductAttention.Shape(ids)}.", nameof(ids));
        long t = ids.shape[1];
        if (start + t > Config.BlockSize)
            throw new ArgumentException(
                $"Das Modell kennt nur {Config.BlockSize} Positionen, bekommen hat es {start + t}: "
                + $"kürze die Eingabe auf die letzten {Config.BlockSize} Token.", nameof(ids));
        var positions = torch.arange(start, start + t, dtype: ScalarType.Int64, device: ids.device);   // [T]
        return drop.forward(wte.forward(ids) + wpe.forward(positions));                                // [B, T, C] + [T, C]
    }

    private static Tensor Window(List<int> ids, int length)
    {
        var window = ids.Skip(Math.Max(0, ids.Count - length)).Select(i => (long)i).ToArray();
        return torch.tensor(window, [1, window.Length]);
    }

    // GPT-2's initialisation (as nanoGPT): N(0, 0.02) for linear and embedding weights, zero biases, and the projections that
    // write into the residual stream scaled by 1/√(2·layers), so the stream's variance does not grow with depth.
    private void Initialise()
    {
        using var noGrad = no_grad();
        foreach (var module in modules())
        {
            if (module is Linear linear)
            {
                nn.init.normal_(linear.weight!, 0, 0.02);
                if (linear.bias is { } bias) nn.init.zeros_(bias);
            }
            else if (module is Embedding embedding)
                nn.init.normal_(embedding.weight!, 0, 0.02);
        }
        double std = 0.02 / Math.Sqrt(2 * Config.Layers);
        foreach (var block in h)
        {
            nn.init.normal_(block.Attention.OutputProjection.weight!, 0, std);
            nn.init.normal_(block.Mlp.OutputProjection.weight!, 0, std);
        }
    }
}
