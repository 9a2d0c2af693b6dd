namespace GenAI.Kernel.Zmtp;

/// <summary>The socket types a Jupyter kernel binds, and which peer types each accepts (RFC 23 "Socket types").</summary>
public enum ZmtpSocketType
{
    /// <summary>Shell, control and stdin: routes replies by the peer's identity.</summary>
    Router,
    /// <summary>IOPub: fans out to subscribers by topic prefix.</summary>
    Pub,
    /// <summary>Heartbeat: answers each request.</summary>
    Rep,
}

/// <summary>Socket-type names on the wire and the compatibility table.</summary>
public static class ZmtpSocketTypes
{
    /// <summary>The name sent in the READY command's <c>Socket-Type</c> property.</summary>
    public static string WireName(this ZmtpSocketType type) => type switch
    {
        ZmtpSocketType.Router => "ROUTER",
        ZmtpSocketType.Pub => "PUB",
        ZmtpSocketType.Rep => "REP",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Whether a peer announcing <paramref name="peerType"/> may talk to our <paramref name="type"/> socket.</summary>
    public static bool Accepts(this ZmtpSocketType type, string peerType) => type switch
    {
        ZmtpSocketType.Router => peerType is "DEALER" or "REQ" or "ROUTER",
        ZmtpSocketType.Pub => peerType is "SUB" or "XSUB",
        ZmtpSocketType.Rep => peerType is "REQ" or "DEALER",
        _ => false,
    };
}
