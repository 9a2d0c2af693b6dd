using GenAI.Text;

namespace GenAI.Tests.Text;

/// <summary>The rank files that ship with the build (NuGet's Microsoft.ML.Tokenizers.Data.*) are tiktoken's, byte for byte.</summary>
public class PackagedRankFileTests
{
    [TestCase("r50k_base")]
    [TestCase("cl100k_base")]
    [TestCase("o200k_base")]
    public void Packaged_rank_file_has_tiktokens_pinned_sha256(string baseName)
    {
        // ReadPackaged throws on a hash mismatch; the length check makes the oracle explicit here too.
        var bytes = RankFiles.ReadPackaged(baseName);
        Assert.That(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), Is.EqualTo(RankFiles.Known[baseName].Sha256));
    }

    [Test]
    public void Packaged_encodings_match_their_data_folder_copies_token_for_token()
    {
        // When .ci/run provisions gpt-tokenizer's rank files, both sources must give the same ids.
        var text = "Grüße aus Köln! 🤖 Straße, 東京, def f(x): return x**2";
        foreach (var name in new[] { "r50k_base", "cl100k_base", "o200k_base" })
        {
            var path = TestData.Folder is { } folder ? Path.Combine(folder, name + ".tiktoken") : null;
            if (path is null || !File.Exists(path))
                Assert.Ignore($"{name}.tiktoken not in GENAI_DATA_DIR: nothing to compare with (bash .ci/run provisions it).");
            Assert.That(TiktokenEncoding.Get(name).Encode(text), Is.EqualTo(TiktokenEncoding.Load(name, path).Encode(text)), name);
        }
    }
}
