using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAI.Kernel.Protocol;

/// <summary>
/// The multipart layout of a Jupyter message (messaging.rst "The Wire Protocol"):
/// <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers…]</c>.
/// </summary>
public static class WireFormat
{
    /// <summary>The delimiter frame between routing identities and the signed parts.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>
    /// Splits and verifies a received message. The delimiter is found by scanning, buffers after
    /// content are kept, and the signature is checked on the raw bytes before any JSON parsing.
    /// </summary>
    /// <exception cref="InvalidMessageException">Malformed, or the signature does not match.</exception>
    public static JupyterMessage Parse(IReadOnlyList<byte[]> frames, MessageSigner signer)
    {
        int delimiter = -1;
        for (int i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0) throw new InvalidMessageException("no <IDS|MSG> delimiter frame");
        if (frames.Count - delimiter - 1 < 5)
            throw new InvalidMessageException($"expected signature and 4 JSON frames after the delimiter, got {frames.Count - delimiter - 1}");
        var signature = frames[delimiter + 1];
        var header = frames[delimiter + 2];
        var parent = frames[delimiter + 3];
        var metadata = frames[delimiter + 4];
        var content = frames[delimiter + 5];
        if (!signer.Verify(signature, header, parent, metadata, content))
            throw new InvalidMessageException("invalid HMAC signature", isSignatureError: true);

        var headerObject = ParseObject(header, "header");
        return new JupyterMessage
        {
            Identities = frames.Take(delimiter).ToArray(),
            RawHeader = header,
            Header = headerObject,
            ParentHeader = ParseObject(parent, "parent_header"),
            Metadata = ParseObject(metadata, "metadata"),
            Content = ParseObject(content, "content"),
            Buffers = frames.Skip(delimiter + 6).ToArray(),
        };
    }

    private static JsonObject ParseObject(byte[] bytes, string part)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw new InvalidMessageException($"{part} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidMessageException($"{part} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Assembles and signs an outgoing message.</summary>
    public static List<byte[]> Serialize(IEnumerable<byte[]> prefix, byte[] header, byte[] parentHeader, byte[] metadata, byte[] content,
        MessageSigner signer, IEnumerable<byte[]>? buffers = null)
    {
        var frames = new List<byte[]>(prefix) { Delimiter, signer.Sign(header, parentHeader, metadata, content), header, parentHeader, metadata, content };
        if (buffers is not null) frames.AddRange(buffers);
        return frames;
    }

    /// <summary>UTF-8 JSON of a node (compact, as on the wire).</summary>
    public static byte[] ToBytes(JsonNode? node) => node is null ? "{}"u8.ToArray() : Encoding.UTF8.GetBytes(node.ToJsonString());
}

/// <summary>A received message that is malformed or carries a wrong signature; it is never executed.</summary>
public sealed class InvalidMessageException(string message, bool isSignatureError = false) : Exception(message)
{
    /// <summary>True when the HMAC did not match (a forged or corrupted message).</summary>
    public bool IsSignatureError { get; } = isSignatureError;
}
