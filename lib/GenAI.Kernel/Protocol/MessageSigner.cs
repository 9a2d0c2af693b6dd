using System.Security.Cryptography;

namespace GenAI.Kernel.Protocol;

/// <summary>
/// Message authentication (messaging.rst "The Wire Protocol"): HMAC over the exact bytes of header,
/// parent_header, metadata and content, in that order, as lowercase hex. The key is the connection
/// file's <c>key</c> string as UTF-8 — not hex-decoded. An empty key disables signing.
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;
    private readonly HashAlgorithmName _hash;

    /// <summary>Creates a signer for <paramref name="key"/> and a scheme such as <c>hmac-sha256</c>.</summary>
    public MessageSigner(string key, string scheme = "hmac-sha256")
    {
        _key = System.Text.Encoding.UTF8.GetBytes(key);
        _hash = HashFor(scheme);
    }

    /// <summary>Whether messages are signed at all (the key is not empty).</summary>
    public bool Enabled => _key.Length > 0;

    /// <summary>Maps <c>hmac-&lt;hashlib name&gt;</c> to a .NET hash.</summary>
    public static HashAlgorithmName HashFor(string scheme) => scheme switch
    {
        "hmac-sha256" or "" => HashAlgorithmName.SHA256,
        "hmac-sha384" => HashAlgorithmName.SHA384,
        "hmac-sha512" => HashAlgorithmName.SHA512,
        "hmac-sha1" => HashAlgorithmName.SHA1,
        _ => throw new InvalidDataException($"Signature scheme \"{scheme}\" is not supported; use \"hmac-sha256\"."),
    };

    /// <summary>The signature frame for the four JSON parts: lowercase hex ASCII, or empty when signing is off.</summary>
    public byte[] Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!Enabled) return [];
        // One IncrementalHash per message: no shared mutable HMAC state between threads.
        using var hmac = IncrementalHash.CreateHMAC(_hash, _key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        Span<byte> digest = stackalloc byte[64];
        int length = hmac.GetHashAndReset(digest);
        return System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(digest[..length]));
    }

    /// <summary>
    /// Checks a received signature against the received bytes, in constant time so the comparison
    /// leaks nothing about how many leading characters matched.
    /// </summary>
    public bool Verify(
        ReadOnlySpan<byte> signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader,
        ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!Enabled) return true;
        var expected = Sign(header, parentHeader, metadata, content);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
