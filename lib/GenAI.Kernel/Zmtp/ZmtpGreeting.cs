using System.Text;

namespace GenAI.Kernel.Zmtp;

/// <summary>
/// The 64-byte ZMTP 3.x greeting (RFC 23 "Greeting", RFC 37 for 3.1): signature <c>FF 0…0 7F</c>,
/// version, mechanism name padded to 20 bytes, as-server flag, 31 bytes filler.
/// </summary>
public static class ZmtpGreeting
{
    /// <summary>Length of a greeting in bytes.</summary>
    public const int Length = 64;

    /// <summary>The only security mechanism we speak: NULL (no authentication, no encryption).</summary>
    public const string NullMechanism = "NULL";

    /// <summary>Builds our greeting, announcing ZMTP 3.<paramref name="minor"/> with the NULL mechanism.</summary>
    public static byte[] Create(byte minor = 1)
    {
        var greeting = new byte[Length];
        greeting[0] = 0xFF;
        greeting[8] = 0x01;          // padding; libzmq sends (identity length + 1) big-endian here, peers never read it
        greeting[9] = 0x7F;          // bit 0 set: not a ZMTP 1.0 peer
        greeting[10] = 3;            // major version
        greeting[11] = minor;
        Encoding.ASCII.GetBytes(NullMechanism, greeting.AsSpan(12, 20));
        greeting[32] = 0;            // as-server must be 0 for NULL
        return greeting;
    }

    /// <summary>
    /// Checks a peer's greeting and returns its minor version. Padding bytes 1–8 are never
    /// interpreted (RFC 23 leaves them to the implementation).
    /// </summary>
    /// <exception cref="ZmtpProtocolException">The peer is not a ZMTP ≥ 3.0 NULL peer.</exception>
    public static byte Parse(ReadOnlySpan<byte> greeting)
    {
        if (greeting.Length < Length) throw new ZmtpProtocolException($"greeting has {greeting.Length} bytes, expected {Length}");
        if (greeting[0] != 0xFF || (greeting[9] & 0x01) == 0)
            throw new ZmtpProtocolException("peer does not send a ZMTP 3 signature (FF … 7F); ZMTP 1.0/2.0 peers are not supported");
        if (greeting[10] < 3)
            throw new ZmtpProtocolException($"peer speaks ZMTP {greeting[10]}.{greeting[11]}; version 3.0 or later is required");
        var mechanism = greeting.Slice(12, 20);
        int end = mechanism.IndexOf((byte)0);
        var name = Encoding.ASCII.GetString(end < 0 ? mechanism : mechanism[..end]);
        if (name != NullMechanism)
            throw new ZmtpProtocolException($"peer asks for security mechanism '{name}'; only NULL is supported");
        return greeting[11];
    }
}
