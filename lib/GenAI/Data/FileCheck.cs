using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GenAI.Data;

/// <summary>
/// Decides whether a local copy of a <see cref="DataFile"/> is the right file: size first (cheap,
/// catches truncated downloads), then the pinned SHA-256, then the file's own content check.
/// A hash result is remembered per (path, length, write time), so a 26 MB file is hashed once per process.
/// </summary>
internal static class FileCheck
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> Hashes = new();

    /// <summary>Returns null when <paramref name="path"/> holds the expected file, otherwise the reason it does not.</summary>
    public static string? Problem(DataFile file, string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return "fehlt";
        if (file.Size is { } size && info.Length != size)
            return $"hat {info.Length:N0} statt {size:N0} Bytes (unvollständig oder eine andere Fassung)";
        if (file.Sha256 is { } expected)
        {
            var actual = Sha256Of(info);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                return $"hat die SHA-256-Prüfsumme {actual} statt {expected}";
        }
        return file.Validate?.Invoke(path);
    }

    /// <summary>Lower-case hex SHA-256 of a file's content.</summary>
    public static string Sha256Of(string path) => Sha256Of(new FileInfo(path));

    private static string Sha256Of(FileInfo info)
    {
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        if (Hashes.TryGetValue(key, out var cached)) return cached;
        using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        Hashes[key] = hash;
        return hash;
    }
}
