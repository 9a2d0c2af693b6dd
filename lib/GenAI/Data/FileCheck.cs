using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;

namespace GenAI.Data;

/// <summary>
/// Decides whether a local copy of a <see cref="DataFile"/> is the right file: size first (cheap,
/// catches truncated downloads), then the pinned SHA-256, then the file's own content check.
/// A hash result is remembered per (path, length, write time): in memory for this process and, when a
/// stamp folder is given, on disk for later ones (<see cref="HashStamps"/>).
/// </summary>
internal static class FileCheck
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written, bool Decompressed), string> Hashes = new();

    /// <summary>Returns null when <paramref name="path"/> holds the expected file, otherwise the reason it does not.</summary>
    public static string? Problem(DataFile file, string path, HashStamps? stamps = null)
    {
        var info = Target(path);
        if (!info.Exists) return "fehlt";
        if (file.Size is { } size && info.Length != size)
            return $"hat {info.Length:N0} statt {size:N0} Bytes (unvollständig oder eine andere Fassung)";
        if (file.Sha256 is { } expected)
        {
            var actual = Sha256Of(info, file.HashDecompressed, stamps);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                return $"hat die SHA-256-Prüfsumme {actual} statt {expected}";
        }
        return file.Validate?.Invoke(path);
    }

    /// <summary>
    /// Lower-case hex SHA-256 of a file, or of its gzip-decompressed content when <paramref name="decompressed"/> is set and the file is gzip.
    /// </summary>
    public static string Sha256Of(string path, bool decompressed = false) => Sha256Of(Target(path), decompressed, null);

    /// <summary>Forgets the in-memory hashes (tests use it to act like a new process).</summary>
    internal static void ForgetHashes() => Hashes.Clear();

    /// <summary>
    /// The file a path finally points to. FileInfo describes a symbolic link itself (its length is the
    /// link's, not the data's), and data folders are often links to shared copies (CI links its corpora).
    /// </summary>
    public static FileInfo Target(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
            return target;
        return info;
    }

    private static string Sha256Of(FileInfo info, bool decompressed, HashStamps? stamps)
    {
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc, decompressed);
        if (Hashes.TryGetValue(key, out var cached)) return cached;
        if (stamps?.Read(info, decompressed) is { } stamped) return Hashes[key] = stamped;
        using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        string hash;
        if (decompressed && stream.ReadByte() == 0x1F && stream.ReadByte() == 0x8B)
        {
            stream.Position = 0;
            try
            {
                using var gzip = new GZipStream(stream, CompressionMode.Decompress);
                hash = Convert.ToHexStringLower(SHA256.HashData(gzip));
            }
            catch (InvalidDataException)
            {
                return "(beschädigtes gzip)"; // never equal to a hash; not cached, the file may be rewritten
            }
        }
        else
        {
            stream.Position = 0;
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        Hashes[key] = hash;
        stamps?.Write(info, decompressed, hash);
        return hash;
    }
}
