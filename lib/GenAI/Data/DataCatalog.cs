namespace GenAI.Data;

/// <summary>Every dataset and corpus the course knows, for listing and fetching by name.</summary>
public static class DataCatalog
{
    /// <summary>All entries: image datasets first, then corpora.</summary>
    public static IReadOnlyList<DataEntry> All => [FashionMnist.Entry, Mnist.Entry, Digits.Entry, .. Corpus.Entries];

    /// <summary>The entry called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static DataEntry Get(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unbekannter Datensatz „{name}“. Bekannt sind: {string.Join(", ", All.Select(e => e.Name))}.", nameof(name));

    /// <summary>Makes every file of <paramref name="entry"/> present (downloading as needed) and returns their paths.</summary>
    /// <exception cref="DataUnavailableException">A file cannot be found or downloaded.</exception>
    public static IReadOnlyList<string> Fetch(DataEntry entry) => entry.Files.Select(f => DataFiles.Resolve(f)).ToArray();
}
