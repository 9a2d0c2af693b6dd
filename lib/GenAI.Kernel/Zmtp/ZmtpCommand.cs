using System.Text;

namespace GenAI.Kernel.Zmtp;

/// <summary>A command frame received from a peer: its name (e.g. <c>SUBSCRIBE</c>) and data.</summary>
public sealed record ZmtpCommand(string Name, byte[] Data)
{
    /// <summary>Splits a command frame body into name and data.</summary>
    public static ZmtpCommand Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty || body.Length < 1 + body[0]) throw new ZmtpProtocolException("truncated command frame");
        int nameLength = body[0];
        return new ZmtpCommand(Encoding.ASCII.GetString(body.Slice(1, nameLength)), body[(1 + nameLength)..].ToArray());
    }
}
