using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GenAI.Data;

/// <summary>
/// Remembers across processes that a file had a given SHA-256, as long as its length and write time
/// are unchanged: one small stamp file per checked file in the cache's <c>.verified</c> folder.
/// Hashing decompressed Fashion-MNIST takes about a second; a notebook that loads it should not pay that every run.
/// </summary>
internal sealed class HashStamps(string folder)
{
    public string? Read(FileInfo file, bool decompressed)
    {
        try
        {
            var path = StampPath(file, decompressed);
            if (!File.Exists(path)) return null;
            var parts = File.ReadAllText(path).Split(' ');
            return parts.Length == 3
                   && parts[0] == file.Length.ToString(CultureInfo.InvariantCulture)
                   && parts[1] == file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)
                ? parts[2]
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(FileInfo file, bool decompressed, string hash)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var path = StampPath(file, decompressed);
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, string.Create(CultureInfo.InvariantCulture, $"{file.Length} {file.LastWriteTimeUtc.Ticks} {hash}"));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache only costs time: the file is hashed again next run.
        }
    }

    private string StampPath(FileInfo file, bool decompressed)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{file.FullName}|{decompressed}")))[..32];
        return Path.Combine(folder, key + ".sha256");
    }
}
