using GenAI.Data;

namespace GenAI.Text;

/// <summary>
/// The <c>.tiktoken</c> rank files, resolved through the course-wide <see cref="DataFiles"/> policy:
/// <c>GENAI_DATA_DIR</c> → user cache → verified HTTPS download from OpenAI's public location.
/// </summary>
internal static class RankFiles
{
    /// <summary>tiktoken's URL and SHA-256 pin for each rank file (<c>tiktoken_ext/openai_public.py</c>).</summary>
    public static readonly IReadOnlyDictionary<string, (string Url, string Sha256)> Known = new Dictionary<string, (string, string)>
    {
        ["r50k_base"] = ("https://openaipublic.blob.core.windows.net/encodings/r50k_base.tiktoken", "306cd27f03c1a714eca7108e03d66b7dc042abe8c258b44c199a7ed9838dd930"),
        ["p50k_base"] = ("https://openaipublic.blob.core.windows.net/encodings/p50k_base.tiktoken", "94b5ca7dff4d00767bc256fdd1b27e5b17361d7b8a5f968547f9f23eb70d2069"),
        ["cl100k_base"] = ("https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken", "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"),
        ["o200k_base"] = ("https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken", "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"),
    };

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
}
