using System.Text.Json.Nodes;

namespace GenAI.Kernel.Protocol;

/// <summary>
/// A received Jupyter message: routing identities, the four JSON dicts, and any binary buffers.
/// <see cref="RawHeader"/> keeps the header's exact bytes so replies can use it verbatim as their parent.
/// </summary>
public sealed class JupyterMessage
{
    /// <summary>Routing frames before <c>&lt;IDS|MSG&gt;</c> (the ROUTER prepends the sender's identity).</summary>
    public required IReadOnlyList<byte[]> Identities { get; init; }
    /// <summary>The header's bytes as received.</summary>
    public required byte[] RawHeader { get; init; }
    /// <summary>The parsed header.</summary>
    public required JsonObject Header { get; init; }
    /// <summary>The parsed parent header.</summary>
    public required JsonObject ParentHeader { get; init; }
    /// <summary>The parsed metadata.</summary>
    public required JsonObject Metadata { get; init; }
    /// <summary>The parsed content.</summary>
    public required JsonObject Content { get; init; }
    /// <summary>Extra raw frames after content (comms, widgets); kept, never interpreted.</summary>
    public required IReadOnlyList<byte[]> Buffers { get; init; }

    /// <summary>The header's <c>msg_type</c>.</summary>
    public string MsgType => (string?)Header["msg_type"] ?? "";
    /// <summary>The header's <c>msg_id</c>.</summary>
    public string MsgId => (string?)Header["msg_id"] ?? "";

    /// <summary>A string field of the content, or <paramref name="fallback"/>.</summary>
    public string GetString(string name, string fallback = "") =>
        Content[name] is JsonValue v && v.TryGetValue(out string? s) ? s : fallback;

    /// <summary>A boolean field of the content, or <paramref name="fallback"/>.</summary>
    public bool GetBool(string name, bool fallback) =>
        Content[name] is JsonValue v && v.TryGetValue(out bool b) ? b : fallback;

    /// <summary>An integer field of the content, or <paramref name="fallback"/>.</summary>
    public int GetInt(string name, int fallback) =>
        Content[name] is JsonValue v && v.TryGetValue(out int i) ? i
        : Content[name] is JsonValue d && d.TryGetValue(out double x) ? (int)x : fallback;
}
