using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using GenAI.Kernel.Zmtp;

namespace GenAI.Tests.Kernel;

/// <summary>A hand-driven ZMTP client for byte-level tests: every byte it sends is spelled out here.</summary>
internal sealed class RawZmtpPeer : IDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream _stream = null!;

    public static async Task<RawZmtpPeer> ConnectAsync(int port)
    {
        var peer = new RawZmtpPeer();
        await peer._client.ConnectAsync(IPAddress.Loopback, port);
        peer._client.NoDelay = true;
        peer._stream = peer._client.GetStream();
        peer._stream.ReadTimeout = 5000;
        return peer;
    }

    /// <summary>Connects and completes a NULL handshake announcing ZMTP 3.<paramref name="minor"/>.</summary>
    public static async Task<RawZmtpPeer> HandshakeAsync(int port, string socketType, byte minor = 1, byte[]? identity = null)
    {
        var peer = await ConnectAsync(port);
        peer.Write(ZmtpGreeting.Create(minor));
        peer.Write(ZmtpFrame.EncodeReady(socketType, identity ?? [], sendIdentity: identity is not null));
        peer.ReadExactly(64);
        var (flags, body) = peer.ReadFrame();
        Assert.That(flags & ZmtpFrame.Command, Is.Not.Zero, "server's READY");
        Assert.That(ZmtpCommand.Parse(body).Name, Is.EqualTo("READY"));
        return peer;
    }

    public void Write(byte[] bytes) => _stream.Write(bytes);

    public byte[] ReadExactly(int count)
    {
        var buffer = new byte[count];
        _stream.ReadExactly(buffer);
        return buffer;
    }

    public (byte Flags, byte[] Body) ReadFrame()
    {
        var head = ReadExactly(2);
        long size = head[1];
        if ((head[0] & ZmtpFrame.Long) != 0)
        {
            var rest = ReadExactly(7);
            size = (long)BinaryPrimitives.ReadUInt64BigEndian([head[1], .. rest]);
        }
        return (head[0], ReadExactly((int)size));
    }

    /// <summary>Reads one whole message, skipping commands.</summary>
    public List<byte[]> ReadMessage()
    {
        var frames = new List<byte[]>();
        while (true)
        {
            var (flags, body) = ReadFrame();
            if ((flags & ZmtpFrame.Command) != 0) continue;
            frames.Add(body);
            if ((flags & ZmtpFrame.More) == 0) return frames;
        }
    }

    public void SendMessage(params byte[][] frames) => Write(ZmtpFrame.EncodeMessage(frames));

    public void Dispose() => _client.Dispose();
}
