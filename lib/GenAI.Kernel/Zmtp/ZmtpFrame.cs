using System.Buffers.Binary;
using System.Text;

namespace GenAI.Kernel.Zmtp;

/// <summary>
/// Frame encoding (RFC 23 "Framing"): <c>flags(1) size(1 | 8 big-endian) body</c>. Flag bit 0 = MORE,
/// bit 1 = LONG (8-byte size), bit 2 = COMMAND. Short frames carry ≤ 255 bytes.
/// </summary>
public static class ZmtpFrame
{
    /// <summary>More frames of this message follow.</summary>
    public const byte More = 0x01;
    /// <summary>The size field is 8 bytes.</summary>
    public const byte Long = 0x02;
    /// <summary>The frame is a command, not message data.</summary>
    public const byte Command = 0x04;

    /// <summary>Bytes needed for one frame carrying <paramref name="bodyLength"/> bytes.</summary>
    public static int EncodedLength(int bodyLength) => (bodyLength > 255 ? 9 : 2) + bodyLength;

    /// <summary>Writes one frame into <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Write(Span<byte> destination, byte flags, ReadOnlySpan<byte> body)
    {
        int offset;
        if (body.Length > 255)
        {
            destination[0] = (byte)(flags | Long);
            BinaryPrimitives.WriteUInt64BigEndian(destination[1..], (ulong)body.Length);
            offset = 9;
        }
        else
        {
            destination[0] = flags;
            destination[1] = (byte)body.Length;
            offset = 2;
        }
        body.CopyTo(destination[offset..]);
        return offset + body.Length;
    }

    /// <summary>
    /// Encodes a whole multipart message into one buffer, so it can be written in one call and never
    /// interleaves with another sender's frames on the same connection.
    /// </summary>
    public static byte[] EncodeMessage(IReadOnlyList<byte[]> frames)
    {
        if (frames.Count == 0) throw new ArgumentException("a ZMTP message has at least one frame", nameof(frames));
        long total = 0;
        foreach (var frame in frames) total += EncodedLength(frame.Length);
        var buffer = new byte[checked((int)total)];
        int offset = 0;
        for (int i = 0; i < frames.Count; i++)
            offset += Write(buffer.AsSpan(offset), i < frames.Count - 1 ? More : (byte)0, frames[i]);
        return buffer;
    }

    /// <summary>Encodes a command frame: name length, name, data (RFC 23 "Commands").</summary>
    public static byte[] EncodeCommand(string name, ReadOnlySpan<byte> data)
    {
        var body = new byte[1 + name.Length + data.Length];
        body[0] = (byte)name.Length;
        Encoding.ASCII.GetBytes(name, body.AsSpan(1));
        data.CopyTo(body.AsSpan(1 + name.Length));
        var frame = new byte[EncodedLength(body.Length)];
        Write(frame, Command, body);
        return frame;
    }

    /// <summary>The READY command of a NULL handshake: properties <c>Socket-Type</c> and optionally <c>Identity</c>.</summary>
    public static byte[] EncodeReady(string socketType, ReadOnlySpan<byte> identity = default, bool sendIdentity = false)
    {
        var properties = new List<byte>();
        AddProperty(properties, "Socket-Type", Encoding.ASCII.GetBytes(socketType));
        if (sendIdentity) AddProperty(properties, "Identity", identity);
        return EncodeCommand("READY", properties.ToArray());
    }

    private static void AddProperty(List<byte> target, string name, ReadOnlySpan<byte> value)
    {
        target.Add((byte)name.Length);
        target.AddRange(Encoding.ASCII.GetBytes(name));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(size, (uint)value.Length);
        target.AddRange(size);
        target.AddRange(value);
    }

    /// <summary>Parses READY properties (<c>name-len(1) name value-len(4 BE) value</c>); names are case-insensitive.</summary>
    public static Dictionary<string, byte[]> ParseProperties(ReadOnlySpan<byte> data)
    {
        var properties = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        while (!data.IsEmpty)
        {
            int nameLength = data[0];
            if (data.Length < 1 + nameLength + 4) throw new ZmtpProtocolException("truncated READY property");
            var name = Encoding.ASCII.GetString(data.Slice(1, nameLength));
            uint valueLength = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(1 + nameLength, 4));
            data = data[(1 + nameLength + 4)..];
            if (valueLength > (uint)data.Length) throw new ZmtpProtocolException($"READY property '{name}' is truncated");
            properties[name] = data[..(int)valueLength].ToArray();
            data = data[(int)valueLength..];
        }
        return properties;
    }
}
