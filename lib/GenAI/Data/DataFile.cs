namespace GenAI.Data;

/// <summary>
/// One file the course may need (a dataset part, a corpus, a tokenizer rank file) and everything
/// needed to find or fetch it: its name, the sub-folder it lives in, where it can be downloaded,
/// and how to tell a good copy from a corrupt one.
/// </summary>
/// <param name="Name">File name, e.g. <c>train-images-idx3-ubyte.gz</c>.</param>
/// <param name="Folder">Sub-folder in the data and cache folders, e.g. <c>fashion-mnist</c>; keeps files with equal names apart
/// (MNIST and Fashion-MNIST share theirs). Empty: directly in those folders.</param>
/// <param name="Url">Official HTTPS address, or null when there is no known download (the file must be placed by hand).</param>
/// <param name="Sha256">Pinned SHA-256 (lower-case hex) of the exact file, or null when the source changes over time.</param>
/// <param name="Size">Exact size in bytes when known; checked cheaply before the hash.</param>
public sealed record DataFile(string Name, string Folder, Uri? Url, string? Sha256 = null, long? Size = null)
{
    /// <summary>Human-readable description used in messages, e.g. "Fashion-MNIST, Trainingsbilder".</summary>
    public string? Description { get; init; }

    /// <summary>Folders (absolute) where an operating-system package installs this file, checked after the cache.</summary>
    public IReadOnlyList<string> SystemFolders { get; init; } = [];

    /// <summary>
    /// Extra content check for files without a pinned hash (e.g. an IDX header check): returns a
    /// description of the problem, or null when the file looks right.
    /// </summary>
    public Func<string, string?>? Validate { get; init; }

    /// <summary>
    /// When true, <see cref="DataFile.Sha256"/> is the hash of the gzip-decompressed content, not of the
    /// archive: repacked archives then verify too (Debian's Fashion-MNIST files lack gzip's original
    /// file-name field, so their bytes differ from the official ones while the content is identical).
    /// </summary>
    public bool HashDecompressed { get; init; }

    /// <summary>Where to get the file by hand when there is no download address (German, shown to the learner).</summary>
    public string? Hint { get; init; }

    /// <summary>Label in messages: the description when set, else the file name.</summary>
    public string DisplayName => Description is null ? Name : $"{Name} ({Description})";
}
