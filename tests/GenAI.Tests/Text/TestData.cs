using GenAI;
using GenAI.Data;

namespace GenAI.Tests.Text;

/// <summary>Locates optional test inputs in GENAI_DATA_DIR (set by .ci/run); tests without them are ignored.</summary>
internal static class TestData
{
    public static string? Folder
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable(CourseInfo.DataDirVariable);
            return string.IsNullOrEmpty(dir) || !Directory.Exists(dir) ? null : dir;
        }
    }

    private static readonly Lazy<string> GrimmText = new(() => EmbeddedData.ReadText("de-grimm-khm.txt.gz"));

    /// <summary>Grimm's tales exactly as in de-grimm-khm.txt (embedded in the library, so always there).</summary>
    public static string Grimm => GrimmText.Value;

    /// <summary>Full path of <paramref name="fileName"/> in the data folder, or Assert.Ignore when it is absent.</summary>
    public static string Require(string fileName)
    {
        var folder = Folder;
        var path = folder is null ? null : Path.Combine(folder, fileName);
        if (path is null || !File.Exists(path))
            Assert.Ignore($"{fileName} not found: set {CourseInfo.DataDirVariable} (bash .ci/run provisions it).");
        return path!;
    }

    /// <summary>Whether the rank file of an encoding is available locally (the tests never download).</summary>
    /// Packaged rank files (r50k/gpt2, cl100k, o200k) are always there.
    public static void RequireRankFile(string encoding)
    {
        var baseName = encoding switch { "gpt2" => "r50k_base", "p50k_edit" => "p50k_base", _ => encoding };
        if (!GenAI.Text.RankFiles.IsPackaged(baseName)) Require(baseName + ".tiktoken");
    }
}
