using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Security.Cryptography;
using GenAI.Data;

namespace GenAI.Text;

/// <summary>
/// The <c>.tiktoken</c> rank files. r50k_base (GPT-2's ranks), cl100k_base and o200k_base ship with the build in
/// NuGet's <c>Microsoft.ML.Tokenizers.Data.*</c> packages (MIT), so they work offline on a fresh machine.
/// p50k_base has no package: it goes through the course-wide <see cref="DataFiles"/> policy
/// (<c>GENAI_DATA_DIR</c> → user cache → verified HTTPS download from OpenAI's public location).
/// </summary>
internal static class RankFiles
{
    /// <summary>tiktoken's URL and SHA-256 pin for each rank file (<c>tiktoken_ext/openai_public.py</c>).</summary>
    public static readonly IReadOnlyDictionary<string, (string Url, string Sha256)> Known = new Dictionary<string, (string, string)>
    {
        ["r50k_base"] = (
            "https://openaipublic.blob.core.windows.net/encodings/r50k_base.tiktoken",
            "306cd27f03c1a714eca7108e03d66b7dc042abe8c258b44c199a7ed9838dd930"),
        ["p50k_base"] = (
            "https://openaipublic.blob.core.windows.net/encodings/p50k_base.tiktoken",
            "94b5ca7dff4d00767bc256fdd1b27e5b17361d7b8a5f968547f9f23eb70d2069"),
        ["cl100k_base"] = (
            "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
            "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"),
        ["o200k_base"] = (
            "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
            "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"),
    };

    /// <summary>
    /// Lists the rank files in the data catalogue when the library loads, so <c>genai data list</c> and
    /// <c>genai data fetch</c> know them (e.g. to fetch p50k_base before going offline).
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The catalogue must list the rank files whichever entry point loads the library; it only adds a list.")]
    internal static void RegisterWithDataCatalog() =>
        DataCatalog.Register(() => Known.Select(pair => new DataEntry(pair.Key, "Tokenizer",
            $"BPE-Rangliste {pair.Key} für den tiktoken-Tokenizer (OpenAI)",
            [new DataFile(pair.Key + ".tiktoken", "", new Uri(pair.Value.Url), pair.Value.Sha256) { Description = $"tiktoken {pair.Key}" }],
            "MIT (tiktoken)")));

    /// <summary>The NuGet data assembly that carries each packaged rank file as <c>NAME.tiktoken.deflate</c>.</summary>
    private static readonly IReadOnlyDictionary<string, string> PackagedIn = new Dictionary<string, string>
    {
        ["r50k_base"] = "Microsoft.ML.Tokenizers.Data.R50kBase",
        ["cl100k_base"] = "Microsoft.ML.Tokenizers.Data.Cl100kBase",
        ["o200k_base"] = "Microsoft.ML.Tokenizers.Data.O200kBase",
    };

    /// <summary>Whether <paramref name="baseName"/> ships with the build (no data folder or download needed).</summary>
    public static bool IsPackaged(string baseName) => PackagedIn.ContainsKey(baseName);

    /// <summary>The data-file description of rank file <paramref name="baseName"/> (e.g. <c>cl100k_base</c>).</summary>
    public static DataFile Describe(string baseName)
    {
        var (url, sha256) = Known[baseName];
        return new DataFile(baseName + ".tiktoken", "tiktoken", new Uri(url), sha256)
        {
            Description = $"BPE-Ränge der Kodierung {baseName}",
        };
    }

    /// <summary>Path of the verified rank file <paramref name="baseName"/>, downloading it if needed.</summary>
    public static string Resolve(string baseName) => DataFiles.Resolve(Describe(baseName));

    /// <summary>
    /// The ranks of <paramref name="baseName"/>: from its NuGet data package when there is one (checked against
    /// tiktoken's SHA-256 pin), otherwise from <see cref="Resolve"/>.
    /// </summary>
    public static ByteSequenceTable Load(string baseName)
    {
        if (!IsPackaged(baseName)) return TiktokenEncoding.ReadRankFile(Resolve(baseName));
        var bytes = ReadPackaged(baseName);
        return TiktokenEncoding.ReadRankFile(new StreamReader(new MemoryStream(bytes)), $"{PackagedIn[baseName]}: {baseName}.tiktoken");
    }

    /// <summary>
    /// A packaged rank file rewritten in tiktoken's own format (<c>base64 rank</c> per line), byte for byte the file
    /// tiktoken downloads. The package stores it deflated as a <c>Capacity: N</c> line followed by one base64 token
    /// per CRLF line, the rank being the line's index.
    /// </summary>
    /// <exception cref="InvalidDataException">The package's content does not match tiktoken's pin.</exception>
    internal static byte[] ReadPackaged(string baseName)
    {
        var assemblyName = PackagedIn[baseName];
        var resource = baseName + ".tiktoken.deflate";
        using var deflated = LoadDataAssembly(assemblyName).GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"{assemblyName} enthält die Ressource {resource} nicht. Prüfe die Paketversion in Directory.Packages.props.");
        using var reader = new StreamReader(new DeflateStream(deflated, CompressionMode.Decompress));
        if (reader.ReadLine() is not { } header || !header.StartsWith("Capacity:", StringComparison.Ordinal))
            throw new InvalidDataException(
                $"{resource} in {assemblyName}: erwartet eine Kopfzeile „Capacity: N“. Prüfe die Paketversion in Directory.Packages.props.");
        using var canonical = new MemoryStream();
        using (var writer = new StreamWriter(canonical, leaveOpen: true) { NewLine = "\n" })
        {
            int rank = 0;
            while (reader.ReadLine() is { } token)
                if (token.Length > 0) writer.WriteLine($"{token} {rank++}");
        }
        var bytes = canonical.ToArray();
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != Known[baseName].Sha256)
            throw new InvalidDataException(
                $"{baseName}.tiktoken aus {assemblyName} hat SHA-256 {actual}, erwartet {Known[baseName].Sha256} (tiktokens Pin). "
                + "Stelle die Pakete neu her (dotnet restore --force).");
        return bytes;
    }

    // The data assemblies have no types to reference, so nothing loads them implicitly. Notebook hosts load GenAI.dll
    // from its folder (not the app's), so look beside GenAI.dll first, in GenAI's own load context.
    private static Assembly LoadDataAssembly(string name)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        if (typeof(RankFiles).Assembly.Location is { Length: > 0 } location)
            beside = Path.Combine(Path.GetDirectoryName(location)!, name + ".dll");
        var context = AssemblyLoadContext.GetLoadContext(typeof(RankFiles).Assembly) ?? AssemblyLoadContext.Default;
        var loaded = context.Assemblies.FirstOrDefault(a => a.GetName().Name == name);
        if (loaded != null) return loaded;
        return File.Exists(beside) ? context.LoadFromAssemblyPath(beside) : context.LoadFromAssemblyName(new AssemblyName(name));
    }
}
