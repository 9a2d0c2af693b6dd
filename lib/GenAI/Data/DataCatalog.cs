namespace GenAI.Data;

/// <summary>Every dataset and corpus the course knows, for listing and fetching by name.</summary>
public static partial class DataCatalog
{
    // Entries owned by higher layers, which register themselves (GenAI.Text adds its tokenizer rank files),
    // so this low-level folder lists them without depending on the code that loads them.
    private static readonly List<Func<IEnumerable<DataEntry>>> Registered = [];
    private static readonly Lock RegisteredLock = new();

    /// <summary>All entries: image datasets, corpora, then what other parts of the library registered (tokenizer rank files).</summary>
    public static IReadOnlyList<DataEntry> All
    {
        get
        {
            Func<IEnumerable<DataEntry>>[] providers;
            lock (RegisteredLock) providers = [.. Registered];
            return [FashionMnist.Entry, Mnist.Entry, Digits.Entry, .. Corpus.Entries, .. providers.SelectMany(p => p())];
        }
    }

    /// <summary>Adds entries that a part of the library above <c>GenAI.Data</c> owns, listed after the built-in ones.</summary>
    internal static void Register(Func<IEnumerable<DataEntry>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (RegisteredLock) Registered.Add(entries);
    }

    /// <summary>The entry called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static DataEntry Get(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unbekannter Datensatz „{name}“. Bekannt sind: {string.Join(", ", All.Select(e => e.Name))}.", nameof(name));

    /// <summary>Makes every file of <paramref name="entry"/> present (downloading as needed) and returns their paths.</summary>
    /// <exception cref="DataUnavailableException">A file cannot be found or downloaded.</exception>
    public static IReadOnlyList<string> Fetch(DataEntry entry) => entry.Files.Select(f => DataFiles.Resolve(f)).ToArray();
}
