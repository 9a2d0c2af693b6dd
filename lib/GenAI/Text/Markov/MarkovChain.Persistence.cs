using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAI.Text;

public sealed partial class MarkovChain
{
    /// <summary>
    /// A weighted combination of chains with the same order and unit: the votes of each model are multiplied by its
    /// weight and added (as markovify's <c>combine</c> does), so a model can lean towards one corpus.
    /// </summary>
    public static MarkovChain Combine(params IEnumerable<(MarkovChain Model, double Weight)> models)
    {
        var list = models.ToList();
        if (list.Count == 0) throw new ArgumentException("Gib mindestens ein Modell zum Kombinieren an.", nameof(models));
        var first = list[0].Model;
        foreach (var (model, weight) in list)
        {
            if (model.Order != first.Order || model.Unit != first.Unit)
                throw new ArgumentException(
                    "Nur Modelle gleicher Ordnung und Einheit lassen sich kombinieren "
                    + $"(hier {first.Order}/{first.Unit} und {model.Order}/{model.Unit}).", nameof(models));
            if (weight < 0 || double.IsNaN(weight)) throw new ArgumentOutOfRangeException(nameof(models), weight, "Gewichte dürfen nicht negativ sein.");
        }
        var builder = new MarkovBuilder(first.Order);
        var state = new int[first.Order];
        foreach (var (model, weight) in list)
        {
            var map = new int[model._vocabulary.Length];
            map[Begin] = Begin;
            map[End] = End;
            for (int i = 2; i < map.Length; i++) map[i] = builder.Id(model._vocabulary[i]);
            for (int s = 0; s < model._states.Count; s++)
            {
                var old = model._states.State(s);
                for (int k = 0; k < state.Length; k++) state[k] = map[old[k]];
                for (int i = model._states.Offsets[s]; i < model._states.Offsets[s + 1]; i++)
                    builder.AddVote(state, map[model._next[i]], weight * model._weights[i]);
            }
            foreach (var sentence in model._sentences)
                builder.AddSentenceIds([.. sentence.Select(id => map[id])], countTransitions: false);
        }
        return builder.Build((o, vocabulary, states, next, weights, sentences) =>
            new MarkovChain(o, first.Unit, first.Tokenizer, vocabulary, states, next, weights, sentences));
    }

    /// <summary>Saves the chain as JSON (vocabulary, votes, training sentences); written to a temp file, then renamed.</summary>
    public void Save(string path)
    {
        var saved = new Saved
        {
            Order = Order,
            Unit = Unit,
            Vocabulary = _vocabulary,
            States = [.. Enumerable.Range(0, _states.Count).Select(s => _states.State(s).ToArray())],
            Offsets = _states.Offsets,
            Next = _next,
            Votes = _weights,
            Sentences = _sentences,
        };
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var stream = File.Create(temp)) JsonSerializer.Serialize(stream, saved, SavedContext.Default.Saved);
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Loads a chain written by <see cref="Save"/>; a token model needs its <paramref name="tokenizer"/> again.</summary>
    public static MarkovChain Load(string path, ITokenizer? tokenizer = null)
    {
        Saved? saved;
        try
        {
            using var stream = File.OpenRead(path);
            saved = JsonSerializer.Deserialize(stream, SavedContext.Default.Saved);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} ist keine gespeicherte MarkovChain: {e.Message}", e);
        }
        if (saved is null || saved.Order < 1 || saved.Vocabulary.Length < 2 || saved.Offsets.Length != saved.States.Length + 1
            || saved.Next.Length != saved.Votes.Length || saved.Offsets[^1] != saved.Next.Length)
            throw new InvalidDataException($"{path} ist keine vollständige MarkovChain-Datei.");
        var states = new StateIndex(saved.Order);
        foreach (var state in saved.States)
        {
            if (state.Length != saved.Order) throw new InvalidDataException($"{path}: ein Zustand hat nicht {saved.Order} Einträge.");
            states.Add(state);
        }
        if (states.Count != saved.States.Length) throw new InvalidDataException($"{path}: Zustände kommen doppelt vor.");
        states.SetRanges(saved.Offsets);
        if (saved.Next.Any(id => id < 0 || id >= saved.Vocabulary.Length))
            throw new InvalidDataException($"{path}: eine Fortsetzung verweist auf ein unbekanntes Wort.");
        return new MarkovChain(saved.Order, saved.Unit, tokenizer, saved.Vocabulary, states, saved.Next, saved.Votes, saved.Sentences);
    }

    internal sealed class Saved
    {
        [JsonPropertyName("order")] public int Order { get; set; }
        [JsonPropertyName("unit")] public MarkovUnit Unit { get; set; }
        [JsonPropertyName("vocabulary")] public string[] Vocabulary { get; set; } = [];
        [JsonPropertyName("states")] public int[][] States { get; set; } = [];
        [JsonPropertyName("offsets")] public int[] Offsets { get; set; } = [];
        [JsonPropertyName("next")] public int[] Next { get; set; } = [];
        [JsonPropertyName("votes")] public double[] Votes { get; set; } = [];
        [JsonPropertyName("sentences")] public int[][] Sentences { get; set; } = [];
    }

    [JsonSerializable(typeof(Saved))]
    [JsonSourceGenerationOptions(UseStringEnumConverter = true)]
    internal sealed partial class SavedContext : JsonSerializerContext;
}
