namespace GenAI.Data;

/// <summary>
/// The shared entry point for data files: every area of the library (datasets, corpora, tokenizer
/// rank files) resolves its files here, so they all follow one policy (see <see cref="DataFileResolver"/>).
/// </summary>
/// <example><code>
/// var rankFile = new DataFile("cl100k_base.tiktoken", "tiktoken",
///     new Uri("https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"), sha256);
/// string path = DataFiles.Resolve(rankFile);   // GENAI_DATA_DIR → cache → system → download
/// </code></example>
public static class DataFiles
{
    private static DataFileResolver? _resolver;

    /// <summary>
    /// The resolver used by the library. Unless replaced, it is rebuilt from the environment on every
    /// access, so setting <c>GENAI_DATA_DIR</c> in a running notebook takes effect at once.
    /// Set it to null to return to that behaviour.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public static DataFileResolver Resolver
    {
        get => _resolver ?? DataFileResolver.FromEnvironment();
        set => _resolver = value;
    }

    /// <summary>Returns the path of a verified local copy of <paramref name="file"/>, downloading it when needed.</summary>
    /// <exception cref="DataUnavailableException">Not on this machine and not downloadable.</exception>
    public static string Resolve(DataFile file, CancellationToken cancellationToken = default) =>
        Resolver.Resolve(file, cancellationToken);

    /// <inheritdoc cref="Resolve"/>
    public static Task<string> ResolveAsync(DataFile file, CancellationToken cancellationToken = default) =>
        Resolver.ResolveAsync(file, cancellationToken);

    /// <summary>Where <paramref name="file"/> is or would come from, without downloading.</summary>
    public static DataFileLocation Locate(DataFile file) => Resolver.Locate(file);
}
