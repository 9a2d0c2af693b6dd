using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// A character-level recurrent language model: embedding → RNN, LSTM or GRU → linear layer to one logit per character.
/// <c>forward(x)</c> maps ids [B, T] to logits [B, T, V]; position t predicts the character after x[:, t].
/// Karpathy (2015), "The Unreasonable Effectiveness of Recurrent Neural Networks", is this model.
/// <code>
/// var model = new CharRnnLanguageModel(new CharRnnConfig(vocab.Size, HiddenSize: 128));
/// var logits = model.forward(x);                         // [B, T, V]
/// var loss = nn.functional.cross_entropy(logits.reshape(-1, vocab.Size), y.reshape(-1));
/// </code>
/// </summary>
public sealed class CharRnnLanguageModel : nn.Module<Tensor, Tensor>, ISequenceScorer
{
    private readonly Embedding embedding;
    private readonly nn.Module rnn;
    private readonly Linear head;

    /// <summary>Builds the layers (weights initialised from torch's global generator: seed it first).</summary>
    public CharRnnLanguageModel(CharRnnConfig config) : base($"Char{config.Kind}")
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        embedding = nn.Embedding(config.VocabularySize, config.EmbeddingSize);
        rnn = config.Kind switch
        {
            RecurrentKind.Rnn => nn.RNN(config.EmbeddingSize, config.HiddenSize, config.Layers, batchFirst: true),
            RecurrentKind.Gru => nn.GRU(config.EmbeddingSize, config.HiddenSize, config.Layers, batchFirst: true),
            _ => nn.LSTM(config.EmbeddingSize, config.HiddenSize, config.Layers, batchFirst: true),
        };
        head = nn.Linear(config.HiddenSize, config.VocabularySize);
        RegisterComponents();
    }

    /// <summary>The sizes.</summary>
    public CharRnnConfig Config { get; }

    /// <inheritdoc/>
    public string Name => Config.Kind switch { RecurrentKind.Rnn => "RNN", RecurrentKind.Gru => "GRU", _ => "LSTM" };

    /// <summary>Logits [B, T, V] for ids [B, T], starting from a zero state.</summary>
    public override Tensor forward(Tensor ids)
    {
        var (logits, state) = Forward(ids, null);
        state.Dispose();
        return logits;
    }

    /// <summary>Logits [B, T, V] for ids [B, T], continuing from <paramref name="state"/> (null: zeros), and the state after the last step.</summary>
    public (Tensor Logits, RecurrentState State) Forward(Tensor ids, RecurrentState? state)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.dim() != 2) throw new ArgumentException($"Erwartet werden Ids der Form [B, T]; bekommen: [{string.Join(", ", ids.shape)}].", nameof(ids));
        var x = embedding.forward(ids);                                   // [B, T, E]
        Tensor output;
        RecurrentState next;
        switch (rnn)
        {
            case LSTM lstm:
                var (o, h, c) = lstm.forward(x, state is null
                    ? null
                    : (state.H, state.C ?? throw new ArgumentException("Ein LSTM braucht auch den Zellzustand c.", nameof(state))));
                (output, next) = (o, new RecurrentState(h, c));
                break;
            case GRU gru:
                var (og, hg) = gru.forward(x, state?.H);
                (output, next) = (og, new RecurrentState(hg));
                break;
            default:
                var (or, hr) = ((RNN)rnn).forward(x, state?.H);
                (output, next) = (or, new RecurrentState(hr));
                break;
        }
        return (head.forward(output), next);                              // [B, T, H] → [B, T, V]
    }

    /// <summary>Mean cross-entropy (nats per character) of predicting y [B, T] from x [B, T].</summary>
    public Tensor Loss(Tensor x, Tensor y) => NextTokenPrediction.Loss(this, x, y);

    /// <summary>
    /// Continues <paramref name="prompt"/> (at least one id) by <paramref name="count"/> ids, one at a time, carrying the
    /// hidden state; each next id comes from <see cref="Sampler"/> with <paramref name="options"/>. Same seed, same text.
    /// </summary>
    public int[] Generate(IReadOnlyList<int> prompt, int count, SamplingOptions options, Random random)
    {
        NextTokenPrediction.CheckPrompt(prompt, Config.VocabularySize, "Zeichen");
        bool wasTraining = training;
        eval();
        var output = new List<int>(count);
        using (no_grad())
        {
            RecurrentState? state = null;
            var input = torch.tensor(prompt.Select(i => (long)i).ToArray(), [1, prompt.Count]);
            for (int step = 0; step < count; step++)
            {
                using var scope = NewDisposeScope();
                var (logits, next) = Forward(input, state);
                int id = Sampler.Next(logits[0, -1], options, random);   // logits of the last position: [V]
                output.Add(id);
                state = next.MoveToOuterDisposeScope();
                input = torch.tensor(new long[] { id }, [1, 1]).MoveToOuterDisposeScope();
            }
        }
        train(wasTraining);
        return [.. output];
    }

    /// <inheritdoc/>
    /// <remarks>Runs through the whole sequence in chunks of 256, carrying the state, so each id sees its entire past.</remarks>
    public double NegativeLogLikelihood(IReadOnlyList<int> ids, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (from < 0 || from >= ids.Count) throw new ArgumentOutOfRangeException(nameof(from));
        bool wasTraining = training;
        eval();
        double nats = 0;
        const int chunk = 256;
        using (no_grad())
        {
            RecurrentState? state = null;
            for (int start = 0; start + 1 < ids.Count; start += chunk)
            {
                using var scope = NewDisposeScope();
                int end = Math.Min(start + chunk, ids.Count - 1);   // inputs start … end − 1 predict start + 1 … end
                var x = torch.tensor(ids.Skip(start).Take(end - start).Select(i => (long)i).ToArray(), [1, end - start]);
                var (logits, next) = Forward(x, state);
                var logp = nn.functional.log_softmax(logits[0], 1);   // [T, V]
                var lp = logp.data<float>();
                int v = Config.VocabularySize;
                for (int t = 0; t < end - start; t++)
                {
                    int target = start + t + 1;
                    if (target >= from) nats -= lp[t * v + ids[target]];
                }
                state = next.MoveToOuterDisposeScope();
            }
        }
        if (from == 0) nats += Math.Log(Config.VocabularySize);   // the first id has no past: charge it uniformly
        train(wasTraining);
        return nats;
    }
}
