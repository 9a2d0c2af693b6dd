namespace GenAI.Data;

/// <summary>Every dataset and corpus the course knows, for listing and fetching by name.</summary>
public static class DataCatalog
{
    /// <summary>All entries: image datasets, corpora, then tokenizer rank files.</summary>
    public static IReadOnlyList<DataEntry> All => [FashionMnist.Entry, Mnist.Entry, Digits.Entry, .. Corpus.Entries, .. RankFileEntries];

    // The tiktoken rank files GenAI.Text loads (its own pins; same folders: GENAI_DATA_DIR and the cache root),
    // listed here so `genai data fetch` can fetch them ahead of going offline.
    private static IEnumerable<DataEntry> RankFileEntries =>
        GenAI.Text.RankFiles.Known.Select(pair => new DataEntry(pair.Key, "Tokenizer",
            $"BPE-Rangliste {pair.Key} für den tiktoken-Tokenizer (OpenAI)",
            [new DataFile(pair.Key + ".tiktoken", "", new Uri(pair.Value.Url), pair.Value.Sha256) { Description = $"tiktoken {pair.Key}" }],
            "MIT (tiktoken)"));

    /// <summary>The entry called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static DataEntry Get(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unbekannter Datensatz „{name}“. Bekannt sind: {string.Join(", ", All.Select(e => e.Name))}.", nameof(name));

    /// <summary>Makes every file of <paramref name="entry"/> present (downloading as needed) and returns their paths.</summary>
    /// <exception cref="DataUnavailableException">A file cannot be found or downloaded.</exception>
    public static IReadOnlyList<string> Fetch(DataEntry entry) => entry.Files.Select(f => DataFiles.Resolve(f)).ToArray();
}
