namespace GenAI.Data;

/// <summary>
/// Public-domain books the course can load by name: Grimm's tales ship inside the library (compressed);
/// the others are downloaded into the cache or placed by the user.
/// </summary>
internal static class Books
{
    /// <summary>A book: either <see cref="File"/> (resolved by <see cref="DataFiles"/>) or <see cref="Embedded"/> (a file in <c>Data/Embedded</c>).</summary>
    internal sealed record Book(DataEntry Entry, string Title, DataFile? File, string? Embedded = null);

    private static Book Make(string name, string title, string description, DataFile file)
    {
        var described = file with { Description = title };
        return new(new DataEntry(name, "Text", description, [described], "gemeinfrei"), title, described);
    }

    private static Book MakeEmbedded(string name, string title, string description, string embeddedFile) =>
        new(new DataEntry(name, "Text", description, [], "gemeinfrei"), title, null, embeddedFile);

    /// <summary>Rejects HTML error pages and empty files for texts without a pinned hash.</summary>
    private static string? LooksLikeText(string path)
    {
        var info = FileCheck.Target(path);
        if (info.Length < 1000) return "ist zu kurz für ein Buch";
        using var reader = new StreamReader(path);
        var start = new char[200];
        int n = reader.Read(start, 0, start.Length);
        var head = new string(start, 0, n).TrimStart('\uFEFF').TrimStart();
        return head.StartsWith('<') ? "ist eine HTML-Seite, kein Text" : null;
    }

    public static IReadOnlyList<Book> All { get; } =
    [
        // The language chapters (04-07) train on Grimm, so it ships inside GenAI.dll: 1.4 MB of text, 0.5 MB
        // gzip-compressed, provenance in Embedded/de-grimm-khm.LICENSE.txt. Another edition: Corpus.FromFile(path).
        MakeEmbedded("grimm", "Grimm, Kinder- und Hausmärchen",
            "Brüder Grimm, Kinder- und Hausmärchen (Text von 1857), 1,4 MB – eingebettet, immer da", "de-grimm-khm.txt.gz"),
        // Project Gutenberg regenerates its files now and then, so these are checked for plausibility, not pinned.
        Make("faust", "Goethe, Faust. Der Tragödie erster Teil", "Goethe, Faust I (Project Gutenberg Nr. 2229)",
            new DataFile("de-goethe-faust.txt", "corpora", new Uri("https://www.gutenberg.org/cache/epub/2229/pg2229.txt")) { Validate = LooksLikeText }),
        Make("verwandlung", "Kafka, Die Verwandlung", "Kafka, Die Verwandlung (Project Gutenberg Nr. 22367)",
            new DataFile("de-kafka-verwandlung.txt", "corpora", new Uri("https://www.gutenberg.org/cache/epub/22367/pg22367.txt"))
            {
                Validate = LooksLikeText,
            }),
        // Karpathy's char-rnn "tiny shakespeare" (English), pinned: the file never changes.
        Make("shakespeare", "Tiny Shakespeare", "Tiny Shakespeare (Englisch, aus Karpathys char-rnn), 1,1 MB",
            new DataFile("en-tinyshakespeare.txt", "corpora",
                new Uri("https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"),
                "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed", 1_115_394)),
    ];

    public static Book? Find(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Entry.Name, name, StringComparison.OrdinalIgnoreCase));
}
