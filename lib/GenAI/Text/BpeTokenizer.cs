using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenAI.Display;
using GenAI.Text.Splitting;

namespace GenAI.Text;

/// <summary>
/// A byte-level BPE tokenizer you train yourself (as in Karpathy's minbpe): start from the 256 byte values,
/// split the text with a GPT regex, and repeatedly merge the most frequent adjacent pair into a new token.
/// Every step is kept in <see cref="Merges"/> (pair, new id, count) so a notebook can show how the vocabulary grows.
/// Sennrich et al. (2016), "Neural Machine Translation of Rare Words with Subword Units", Algorithm 1.
/// <code>
/// var tok = BpeTokenizer.Train(text, vocabularySize: 512);
/// int[] ids = tok.Encode("Es war einmal");
/// </code>
/// </summary>
public sealed partial class BpeTokenizer : ITokenizer
{
    private readonly PreTokenizer _splitter;
    private readonly List<byte[]> _vocabulary;                       // id → bytes (ordinary tokens)
    private readonly Dictionary<long, int> _mergeIds = new(PairKeyComparer.Instance);            // (left, right) → merged id; lower id = earlier merge
    private readonly Dictionary<int, string> _specialById;

    private BpeTokenizer(string pattern, IReadOnlyList<BpeMerge> merges, IReadOnlyDictionary<string, int> specialTokens)
    {
        Pattern = pattern;
        _splitter = PreTokenizer.For(pattern);
        _vocabulary = [.. Enumerable.Range(0, 256).Select(b => new[] { (byte)b })];
        foreach (var merge in merges)
        {
            if (merge.Id != _vocabulary.Count || merge.Left >= merge.Id || merge.Right >= merge.Id || merge.Left < 0 || merge.Right < 0)
                throw new InvalidDataException(
                    $"Merge {merge.Left}+{merge.Right}→{merge.Id} passt nicht: "
                    + "Merges müssen die Ids 256, 257, … der Reihe nach aus früheren Tokens bilden.");
            _vocabulary.Add([.. _vocabulary[merge.Left], .. _vocabulary[merge.Right]]);
            _mergeIds[Key(merge.Left, merge.Right)] = merge.Id;
        }
        Merges = merges;
        SpecialTokens = new Dictionary<string, int>(specialTokens, StringComparer.Ordinal);
        _specialById = specialTokens.ToDictionary(kv => kv.Value, kv => kv.Key);
        foreach (var (token, id) in specialTokens)
            if (id < _vocabulary.Count) throw new ArgumentException($"Spezial-Token {token} hat die Id {id}, die schon ein gewöhnliches Token trägt.");
        VocabularySize = Math.Max(_vocabulary.Count, specialTokens.Count == 0 ? 0 : specialTokens.Values.Max() + 1);
    }

    /// <inheritdoc/>
    public string Name => $"bpe-{VocabularySize}";

    /// <inheritdoc/>
    public int VocabularySize { get; }

    /// <summary>The pre-split regex used for training and encoding.</summary>
    public string Pattern { get; }

    /// <summary>The training steps in order: merge <c>i</c> created token <c>256 + i</c>.</summary>
    public IReadOnlyList<BpeMerge> Merges { get; }

    /// <summary>Special tokens (ids after the ordinary vocabulary).</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    /// <summary>
    /// Trains on <paramref name="text"/> until the vocabulary has <paramref name="vocabularySize"/> ordinary tokens (≥ 256)
    /// or no pair occurs twice. Ties between equally frequent pairs go to the pair that occurs first in the text.
    /// </summary>
    public static BpeTokenizer Train(string text, int vocabularySize, string pattern = SplitPatterns.Cl100k, IEnumerable<string>? specialTokens = null) =>
        Train([text], vocabularySize, pattern, specialTokens);

    /// <summary>Trains on several texts (a pair never spans two texts).</summary>
    public static BpeTokenizer Train(IEnumerable<string> texts, int vocabularySize,
        string pattern = SplitPatterns.Cl100k, IEnumerable<string>? specialTokens = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (vocabularySize < 256)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize,
                "Die Vokabulargröße muss mindestens 256 sein (die 256 Byte-Werte).");
        var trainer = new BpeTrainer(PreTokenizer.For(pattern));
        foreach (var text in texts) trainer.AddText(text);
        var merges = trainer.Train(vocabularySize - 256);
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in specialTokens ?? [])
            if (!named.ContainsKey(token)) named[token] = 256 + merges.Count + named.Count;
        return new BpeTokenizer(pattern, merges, named);
    }

    /// <inheritdoc/>
    public int[] Encode(string text) => Encode(text, null);

    /// <summary>
    /// Encodes <paramref name="text"/>; special tokens named in <paramref name="allowedSpecial"/> become their ids,
    /// any other special token in the text raises <see cref="DisallowedSpecialTokenException"/> (as tiktoken does).
    /// </summary>
    public int[] Encode(string text, SpecialTokens? allowedSpecial)
    {
        ArgumentNullException.ThrowIfNull(text);
        var allowed = (allowedSpecial ?? Text.SpecialTokens.None).Resolve(SpecialTokens);
        foreach (var token in SpecialTokens.Keys)
            if (!allowed.Contains(token) && text.Contains(token, StringComparison.Ordinal)) throw new DisallowedSpecialTokenException(token);
        var ids = new List<int>();
        var pieces = new Utf8Pieces();
        int pos = 0;
        while (true)
        {
            int next = -1;
            string found = "";
            foreach (var token in allowed.OrderByDescending(t => t.Length))
            {
                int i = SpecialTokens.ContainsKey(token) ? text.IndexOf(token, pos, StringComparison.Ordinal) : -1;
                if (i >= 0 && (next < 0 || i < next)) (next, found) = (i, token);
            }
            EncodeOrdinary(text.AsSpan(pos, (next < 0 ? text.Length : next) - pos), pieces, ids);
            if (next < 0) break;
            ids.Add(SpecialTokens[found]);
            pos = next + found.Length;
        }
        return [.. ids];
    }

    private void EncodeOrdinary(ReadOnlySpan<char> text, Utf8Pieces pieces, List<int> ids)
    {
        if (text.IsEmpty) return;
        _splitter.Split(text, pieces);
        var bytes = pieces.Bytes;
        int start = 0;
        var parts = new List<int>();
        foreach (int end in pieces.Ends)
        {
            parts.Clear();
            foreach (byte b in bytes[start..end]) parts.Add(b);
            start = end;
            // Apply the learned merges in training order: always the adjacent pair that was merged earliest.
            while (parts.Count > 1)
            {
                int best = int.MaxValue, at = -1;
                for (int k = 0; k + 1 < parts.Count; k++)
                    if (_mergeIds.TryGetValue(Key(parts[k], parts[k + 1]), out int id) && id < best) (best, at) = (id, k);
                if (at < 0) break;
                parts[at] = best;
                parts.RemoveAt(at + 1);
            }
            ids.AddRange(parts);
        }
    }

    /// <inheritdoc/>
    public int CountTokens(string text) => Encode(text).Length;

    /// <inheritdoc/>
    public byte[] TokenBytes(int id)
    {
        if ((uint)id < (uint)_vocabulary.Count) return [.. _vocabulary[id]];
        if (_specialById.TryGetValue(id, out var special)) return Encoding.UTF8.GetBytes(special);
        throw new ArgumentOutOfRangeException(nameof(id), id, $"Dieser Tokenizer hat kein Token mit der Nummer {id} (Vokabular: {VocabularySize}).");
    }

    /// <inheritdoc/>
    public byte[] DecodeBytes(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var output = new List<byte>();
        foreach (int id in ids) output.AddRange(TokenBytes(id));
        return [.. output];
    }

    /// <inheritdoc/>
    public string Decode(IEnumerable<int> ids) => Encoding.UTF8.GetString(DecodeBytes(ids));

    /// <summary>Saves pattern, merges and special tokens as JSON (written to a temp file, then renamed).</summary>
    public void Save(string path)
    {
        var model = new SavedModel(Pattern, [.. Merges.Select(m => new[] { m.Left, m.Right, m.Count })], new(SpecialTokens));
        var json = JsonSerializer.Serialize(model, SavedModelContext.Default.SavedModel);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Loads a tokenizer written by <see cref="Save"/>.</summary>
    public static BpeTokenizer Load(string path)
    {
        SavedModel? model;
        try
        {
            model = JsonSerializer.Deserialize(File.ReadAllText(path), SavedModelContext.Default.SavedModel);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} ist keine gespeicherte BpeTokenizer-Datei: {e.Message}", e);
        }
        if (model?.Pattern is null || model.Merges is null)
            throw new InvalidDataException($"{path} ist keine gespeicherte BpeTokenizer-Datei (pattern/merges fehlen).");
        var merges = new List<BpeMerge>();
        var vocabulary = Enumerable.Range(0, 256).Select(b => new[] { (byte)b }).ToList();
        foreach (var m in model.Merges)
        {
            if (m.Length != 3 || m[0] < 0 || m[1] < 0 || m[0] >= vocabulary.Count || m[1] >= vocabulary.Count)
                throw new InvalidDataException($"{path}: Merge {merges.Count} ist ungültig ([links, rechts, anzahl] mit früheren Ids erwartet).");
            int left = (int)m[0], right = (int)m[1];
            byte[] bytes = [.. vocabulary[left], .. vocabulary[right]];
            vocabulary.Add(bytes);
            merges.Add(new BpeMerge(left, right, vocabulary.Count - 1, m[2], Readable(bytes)));
        }
        return new BpeTokenizer(model.Pattern, merges, model.SpecialTokens ?? []);
    }

    /// <summary>Token bytes as text; bytes that are not part of a complete UTF-8 character appear as <c>\xNN</c>.</summary>
    public static string Readable(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out var rune, out int used) == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
                i += used;
            }
            else
            {
                sb.Append($"\\x{bytes[i]:X2}");
                i++;
            }
        }
        return sb.ToString();
    }

    internal static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    /// <inheritdoc/>
    public override string ToString() => $"BpeTokenizer ({VocabularySize} Tokens, {Merges.Count} Merges)";

    internal sealed record SavedModel(
        [property: JsonPropertyName("pattern")] string Pattern,
        [property: JsonPropertyName("merges")] long[][] Merges,
        [property: JsonPropertyName("specialTokens")] Dictionary<string, int>? SpecialTokens);

    [JsonSerializable(typeof(SavedModel))]
    [JsonSourceGenerationOptions(WriteIndented = false)]
    internal sealed partial class SavedModelContext : JsonSerializerContext;
}
