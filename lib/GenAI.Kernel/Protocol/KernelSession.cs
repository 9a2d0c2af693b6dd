using System.Text.Json.Nodes;

namespace GenAI.Kernel.Protocol;

/// <summary>
/// The kernel's side of a Jupyter session: one session id per process, headers for outgoing
/// messages (protocol 5.3; jupyter_kernel_test rejects extra header keys), signing.
/// </summary>
public sealed class KernelSession(MessageSigner signer)
{
    /// <summary>Protocol version in every header and in kernel_info_reply.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>This kernel process's session id.</summary>
    public string SessionId { get; } = Guid.NewGuid().ToString();

    /// <summary>The signer for outgoing and incoming messages.</summary>
    public MessageSigner Signer { get; } = signer;

    /// <summary>A fresh header for <paramref name="msgType"/>.</summary>
    public JsonObject NewHeader(string msgType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString(),
        ["session"] = SessionId,
        ["username"] = "kernel",
        ["date"] = JupyterDate.Now(),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };

    /// <summary>
    /// Builds a signed message of <paramref name="msgType"/> whose parent is <paramref name="parentHeader"/>
    /// (the request's raw header bytes, or null for "no parent").
    /// </summary>
    public List<byte[]> Build(IEnumerable<byte[]> prefix, string msgType, byte[]? parentHeader, JsonObject content, JsonObject? metadata = null) =>
        WireFormat.Serialize(prefix, WireFormat.ToBytes(NewHeader(msgType)), parentHeader ?? "{}"u8.ToArray(),
            WireFormat.ToBytes(metadata ?? []), WireFormat.ToBytes(content), Signer);
}
