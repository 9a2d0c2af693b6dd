using System.Collections.Concurrent;
using System.Text;
using GenAI.Text.Splitting;

namespace GenAI.Text;

/// <summary>
/// One of OpenAI's byte-level BPE encodings — <c>gpt2</c>/<c>r50k_base</c>, <c>p50k_base</c>, <c>p50k_edit</c>,
/// <c>cl100k_base</c> (GPT-4), <c>o200k_base</c> (GPT-4o) — loaded from the official <c>.tiktoken</c> rank file and
/// producing exactly tiktoken's ids, including its special-token rules.
/// <code>
/// var enc = TiktokenEncoding.Get("cl100k_base");
/// int[] ids = enc.Encode("Hallo Welt!");   // [39, 4149, 78, 46066, 0]
/// string text = enc.Decode(ids);
/// </code>
/// </summary>
public sealed class TiktokenEncoding : ITokenizer
{
    private static readonly ConcurrentDictionary<string, Lazy<TiktokenEncoding>> Cache = new(StringComparer.Ordinal);

    private readonly ByteSequenceTable _ranks;
    private readonly ScannerPreTokenizer _splitter;
    private readonly Dictionary<int, string> _specialById;
    private readonly string[] _specialByLength; // longest first, so a longer token wins at the same position

    [ThreadStatic] private static Utf8Pieces? t_pieces;
    [ThreadStatic] private static IdBuffer? t_ids;
    [ThreadStatic] private static Dictionary<TiktokenEncoding, PieceCache>? t_caches;

    private TiktokenEncoding(string name, ByteSequenceTable ranks, ScannerPreTokenizer splitter, IReadOnlyDictionary<string, int> specialTokens)
    {
        Name = name;
        _ranks = ranks;
        _splitter = splitter;
        SpecialTokens = new Dictionary<string, int>(specialTokens, StringComparer.Ordinal);
        _specialById = specialTokens.ToDictionary(kv => kv.Value, kv => kv.Key);
        _specialByLength = [.. specialTokens.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];
        VocabularySize = Math.Max(ranks.Count, specialTokens.Count == 0 ? 0 : specialTokens.Values.Max() + 1);
    }

    /// <summary>The encodings <see cref="Get"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gpt2", "r50k_base", "p50k_base", "p50k_edit", "cl100k_base", "o200k_base"];

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int VocabularySize { get; }

    /// <summary>The split regex (tiktoken's <c>pat_str</c>).</summary>
    public string Pattern => _splitter.Pattern;

    /// <summary>Special tokens and their ids, e.g. <c>&lt;|endoftext|&gt;</c> → 100257.</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    /// <summary>
    /// The encoding <paramref name="name"/> (see <see cref="Names"/>), loaded once per process. The rank file comes from
    /// its NuGet data package (r50k/gpt2, cl100k, o200k) or, for p50k, from <c>GENAI_DATA_DIR</c>, the user cache, or a verified download.
    /// </summary>
    public static TiktokenEncoding Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name))
            throw new ArgumentException($"Unbekannte Kodierung '{name}'. Bekannt sind: {string.Join(", ", Names)}.", nameof(name));
        return Cache.GetOrAdd(name, n => new Lazy<TiktokenEncoding>(() => Create(n, RankFiles.Load(RankFileOf(n))))).Value;
    }

    /// <summary>Loads <paramref name="name"/> from an explicit rank file (no lookup, no hash check).</summary>
    public static TiktokenEncoding Load(string name, string rankFilePath)
    {
        if (!Names.Contains(name))
            throw new ArgumentException($"Unbekannte Kodierung '{name}'. Bekannt sind: {string.Join(", ", Names)}.", nameof(name));
        return Create(name, ReadRankFile(rankFilePath));
    }

    private static string RankFileOf(string name) => name switch
    {
        "gpt2" or "r50k_base" => "r50k_base", // GPT-2's encoder.json/vocab.bpe hold the same 50,256 ranks
        "p50k_base" or "p50k_edit" => "p50k_base",
        _ => name,
    };

    private static TiktokenEncoding Create(string name, ByteSequenceTable ranks)
    {
        const string EndOfText = "<|endoftext|>", FimPrefix = "<|fim_prefix|>", FimMiddle = "<|fim_middle|>",
            FimSuffix = "<|fim_suffix|>", EndOfPrompt = "<|endofprompt|>";
        // Patterns and special tokens as in tiktoken_ext/openai_public.py.
        (ScannerPreTokenizer splitter, Dictionary<string, int> special) = name switch
        {
            "gpt2" or "r50k_base" or "p50k_base" => ((ScannerPreTokenizer)R50kScanner.Instance, new Dictionary<string, int> { [EndOfText] = 50256 }),
            "p50k_edit" => (R50kScanner.Instance, new() { [EndOfText] = 50256, [FimPrefix] = 50281, [FimMiddle] = 50282, [FimSuffix] = 50283 }),
            "cl100k_base" => (Cl100kScanner.Instance, new()
            {
                [EndOfText] = 100257, [FimPrefix] = 100258, [FimMiddle] = 100259, [FimSuffix] = 100260, [EndOfPrompt] = 100276,
            }),
            "o200k_base" => (O200kScanner.Instance, new() { [EndOfText] = 199999, [EndOfPrompt] = 200018 }),
            _ => throw new ArgumentException($"Unbekannte Kodierung '{name}'.", nameof(name)),
        };
        return new TiktokenEncoding(name, ranks, splitter, special);
    }

    /// <summary>Reads the <c>.tiktoken</c> format: one line per token, <c>base64(bytes) rank</c>.</summary>
    internal static ByteSequenceTable ReadRankFile(string path)
    {
        using var reader = new StreamReader(path);
        return ReadRankFile(reader, path);
    }

    /// <summary>Reads the <c>.tiktoken</c> format from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    internal static ByteSequenceTable ReadRankFile(TextReader reader, string source)
    {
        var sequences = new List<byte[]?>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            int space = line.IndexOf(' ');
            if (space <= 0 || !int.TryParse(line.AsSpan(space + 1), out int rank) || rank < 0)
                throw new InvalidDataException($"{source}, Zeile {lineNumber}: erwartet „base64 rang“, gefunden „{line}“.");
            while (sequences.Count <= rank) sequences.Add(null);
            sequences[rank] = Convert.FromBase64String(line[..space]);
        }
        return new ByteSequenceTable(sequences);
    }

    /// <summary>Encodes like tiktoken's <c>encode(text)</c>: special tokens in the text are an error.</summary>
    public int[] Encode(string text) => Encode(text, null, null);

    /// <summary>
    /// Encodes like tiktoken's <c>encode(text, allowed_special, disallowed_special)</c>: allowed special tokens become
    /// their ids; disallowed ones (by default every special token not allowed) raise
    /// <see cref="DisallowedSpecialTokenException"/>; the rest is ordinary text.
    /// </summary>
    public int[] Encode(string text, SpecialTokens? allowedSpecial, SpecialTokens? disallowedSpecial = null)
    {
        var ids = EncodeToBuffer(text, allowedSpecial, disallowedSpecial);
        return ids.ToArray();
    }

    /// <summary>Encodes treating special-token text as ordinary text (tiktoken's <c>encode_ordinary</c>).</summary>
    public int[] EncodeOrdinary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = Scratch();
        EncodeOrdinaryInto(text, ids);
        return ids.ToArray();
    }

    /// <inheritdoc/>
    public int CountTokens(string text) => EncodeToBuffer(text, null, null).Count;

    /// <summary>Counts tokens with tiktoken's special-token rules.</summary>
    public int CountTokens(string text, SpecialTokens? allowedSpecial, SpecialTokens? disallowedSpecial = null) =>
        EncodeToBuffer(text, allowedSpecial, disallowedSpecial).Count;

    private IdBuffer EncodeToBuffer(string text, SpecialTokens? allowedSpecial, SpecialTokens? disallowedSpecial)
    {
        ArgumentNullException.ThrowIfNull(text);
        var allowed = (allowedSpecial ?? Text.SpecialTokens.None).Resolve(SpecialTokens);
        IReadOnlySet<string> disallowed = disallowedSpecial is null || disallowedSpecial.IsAll
            ? SpecialTokens.Keys.Where(k => !allowed.Contains(k)).ToHashSet(StringComparer.Ordinal)
            : disallowedSpecial.Names;
        if (disallowed.Count > 0 && FindSpecial(text, 0, disallowed) is { Index: >= 0 } bad)
            throw new DisallowedSpecialTokenException(bad.Token);

        var ids = Scratch();
        int pos = 0;
        while (allowed.Count > 0 && FindSpecial(text, pos, allowed) is { Index: >= 0 } hit)
        {
            EncodeOrdinaryInto(text.AsSpan(pos, hit.Index - pos), ids);
            ids.Add(SpecialTokens[hit.Token]);
            pos = hit.Index + hit.Token.Length;
        }
        EncodeOrdinaryInto(text.AsSpan(pos), ids);
        return ids;
    }

    private static IdBuffer Scratch()
    {
        var ids = t_ids ??= new IdBuffer();
        ids.Clear();
        return ids;
    }

    // Leftmost occurrence of any of the tokens; at equal positions the longer token.
    private (int Index, string Token) FindSpecial(string text, int from, IReadOnlySet<string> tokens)
    {
        int best = -1;
        string bestToken = "";
        foreach (var token in _specialByLength)
        {
            if (!tokens.Contains(token)) continue;
            int end = best < 0 ? text.Length : Math.Min(text.Length, best + token.Length - 1);
            int i = text.IndexOf(token, from, end - from, StringComparison.Ordinal);
            if (i >= 0 && (best < 0 || i < best)) (best, bestToken) = (i, token);
        }
        // Special tokens a caller names that this encoding does not have are searched too (tiktoken does the same).
        foreach (var token in tokens)
        {
            if (SpecialTokens.ContainsKey(token) || token.Length == 0) continue;
            int i = text.IndexOf(token, from, StringComparison.Ordinal);
            if (i >= 0 && (best < 0 || i < best)) (best, bestToken) = (i, token);
        }
        return (best, bestToken);
    }

    private void EncodeOrdinaryInto(ReadOnlySpan<char> text, IdBuffer ids)
    {
        if (text.IsEmpty) return;
        var pieces = t_pieces ??= new Utf8Pieces();
        _splitter.Split(text, pieces);
        var caches = t_caches ??= [];
        if (!caches.TryGetValue(this, out var cache)) caches[this] = cache = new PieceCache();
        var bytes = pieces.Bytes;
        int start = 0;
        foreach (int end in pieces.Ends)
        {
            var piece = bytes[start..end];
            start = end;
            int whole = _ranks.Find(piece);
            if (whole >= 0)
            {
                ids.Add(whole); // most pieces are a single token
                continue;
            }
            if (piece.Length > PieceCache.MaxPieceLength)
            {
                BytePairMerge.Encode(piece, _ranks, ids);
                continue;
            }
            var cached = cache.Find(piece);
            if (!cached.IsEmpty)
            {
                foreach (int id in cached) ids.Add(id);
                continue;
            }
            int before = ids.Count;
            BytePairMerge.Encode(piece, _ranks, ids);
            cache.Add(piece, ids.AsSpan()[before..]);
        }
    }

    /// <inheritdoc/>
    public byte[] TokenBytes(int id)
    {
        if (_ranks.Contains(id)) return _ranks[id].ToArray();
        if (_specialById.TryGetValue(id, out var special)) return Encoding.UTF8.GetBytes(special);
        throw new ArgumentOutOfRangeException(nameof(id), id, $"Die Kodierung {Name} hat kein Token mit der Nummer {id}.");
    }

    /// <inheritdoc/>
    public byte[] DecodeBytes(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var output = new List<byte>();
        foreach (int id in ids)
        {
            if (_ranks.Contains(id)) output.AddRange(_ranks[id]);
            else output.AddRange(TokenBytes(id));
        }
        return [.. output];
    }

    /// <inheritdoc/>
    public string Decode(IEnumerable<int> ids) => Encoding.UTF8.GetString(DecodeBytes(ids));

    /// <inheritdoc/>
    public override string ToString() => $"TiktokenEncoding {Name} ({VocabularySize:N0} Tokens)";
}
