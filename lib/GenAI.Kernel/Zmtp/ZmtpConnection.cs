using System.Buffers.Binary;
using System.Text;

namespace GenAI.Kernel.Zmtp;

/// <summary>
/// One accepted ZMTP 3.x connection after its NULL handshake: reads whole multipart messages and
/// commands, writes pre-encoded messages under a lock so frames of two senders never interleave.
/// </summary>
public sealed class ZmtpConnection : IDisposable
{
    /// <summary>The largest frame we accept (the largest byte array .NET can allocate).</summary>
    public static readonly long MaxFrameSize = Array.MaxLength;

    private readonly Stream _stream;
    private readonly BufferedStream _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly byte[] _header = new byte[9];

    private ZmtpConnection(Stream stream)
    {
        _stream = stream;
        _reader = new BufferedStream(stream, 64 * 1024);
    }

    /// <summary>Minor ZMTP version the peer announced (0 = 3.0, 1 = 3.1).</summary>
    public byte PeerMinorVersion { get; private set; }
    /// <summary>The peer's <c>Socket-Type</c> from its READY command.</summary>
    public string PeerSocketType { get; private set; } = "";
    /// <summary>The peer's <c>Identity</c> property (empty when absent).</summary>
    public byte[] PeerIdentity { get; private set; } = [];

    /// <summary>
    /// Runs the server side of the handshake. We speak first — full greeting and READY at once —
    /// because libzmq sends only 10 bytes of its greeting and then waits for ours (docs/kernel-notes.md §1).
    /// </summary>
    public static async Task<ZmtpConnection> AcceptAsync(Stream stream, ZmtpSocketType ourType, CancellationToken cancellationToken)
    {
        var hello = ZmtpGreeting.Create().Concat(ZmtpFrame.EncodeReady(ourType.WireName())).ToArray();
        await stream.WriteAsync(hello, cancellationToken).ConfigureAwait(false);

        var greeting = new byte[ZmtpGreeting.Length];
        await stream.ReadExactlyAsync(greeting, cancellationToken).ConfigureAwait(false);
        byte minor = ZmtpGreeting.Parse(greeting);

        // Everything after the greeting goes through the connection's buffered reader, so frames the
        // peer sends right behind its READY (e.g. SUBSCRIBE) are kept.
        var connection = new ZmtpConnection(stream) { PeerMinorVersion = minor };
        var (flags, body) = await connection.ReadFrameAsync(cancellationToken).ConfigureAwait(false);
        if ((flags & ZmtpFrame.Command) == 0) throw new ZmtpProtocolException("expected READY command after the greeting");
        var ready = ZmtpCommand.Parse(body);
        if (ready.Name == "ERROR") throw new ZmtpProtocolException("peer refused the handshake: " + ErrorReason(ready.Data));
        if (ready.Name != "READY") throw new ZmtpProtocolException($"expected READY, got {ready.Name}");
        var properties = ZmtpFrame.ParseProperties(ready.Data);
        string peerType = properties.TryGetValue("Socket-Type", out var t) ? Encoding.ASCII.GetString(t) : "";
        // libzmq tolerates a READY without Socket-Type; so do we. A present but incompatible type is refused.
        if (peerType.Length > 0 && !ourType.Accepts(peerType))
        {
            var reason = Encoding.ASCII.GetBytes($"socket type {peerType} cannot talk to {ourType.WireName()}");
            var error = new byte[1 + reason.Length];
            error[0] = (byte)reason.Length;
            reason.CopyTo(error, 1);
            await stream.WriteAsync(ZmtpFrame.EncodeCommand("ERROR", error), cancellationToken).ConfigureAwait(false);
            throw new ZmtpProtocolException($"incompatible peer socket type {peerType} for {ourType.WireName()}");
        }
        connection.PeerSocketType = peerType;
        connection.PeerIdentity = properties.TryGetValue("Identity", out var id) ? id : [];
        return connection;
    }

    private static string ErrorReason(byte[] data) =>
        data.Length > 0 ? Encoding.ASCII.GetString(data, 1, Math.Min(data[0], data.Length - 1)) : "";

    /// <summary>
    /// Reads the next message (all frames up to one without MORE) or a command other than PING,
    /// which is answered here. Returns null when the peer closed the connection.
    /// </summary>
    public async Task<ZmtpIncoming?> ReceiveAsync(CancellationToken cancellationToken)
    {
        List<byte[]>? frames = null;
        while (true)
        {
            (byte flags, byte[] body) frame;
            try
            {
                frame = await ReadFrameAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException)
            {
                return null;
            }
            if ((frame.flags & ZmtpFrame.Command) != 0)
            {
                // Commands may arrive between messages; we keep assembling the current one (RFC 23).
                var command = ZmtpCommand.Parse(frame.body);
                switch (command.Name)
                {
                    case "PING":
                        // RFC 37: PING = ttl(2) context(0–16); PONG echoes the context.
                        var context = command.Data.Length > 2 ? command.Data[2..] : [];
                        await SendRawAsync(ZmtpFrame.EncodeCommand("PONG", context), cancellationToken).ConfigureAwait(false);
                        continue;
                    case "PONG":
                        continue;
                    case "ERROR":
                        throw new ZmtpProtocolException("peer sent ERROR: " + ErrorReason(command.Data));
                    default:
                        if (frames is null) return new ZmtpIncoming(null, command);
                        continue;   // a command inside a message is a protocol oddity; subscriptions must not be lost, but this cannot be one
                }
            }
            (frames ??= []).Add(frame.body);
            if ((frame.flags & ZmtpFrame.More) == 0) return new ZmtpIncoming(frames, null);
        }
    }

    private async Task<(byte Flags, byte[] Body)> ReadFrameAsync(CancellationToken cancellationToken)
    {
        await _reader.ReadExactlyAsync(_header.AsMemory(0, 2), cancellationToken).ConfigureAwait(false);
        byte flags = _header[0];
        if ((flags & 0xF8) != 0) throw new ZmtpProtocolException($"reserved frame flag bits set (0x{flags:X2})");
        long size;
        if ((flags & ZmtpFrame.Long) != 0)
        {
            await _reader.ReadExactlyAsync(_header.AsMemory(2, 7), cancellationToken).ConfigureAwait(false);
            ulong raw = BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(1, 8));
            if (raw > (ulong)MaxFrameSize) throw new ZmtpProtocolException($"frame of {raw} bytes exceeds the {MaxFrameSize}-byte limit");
            size = (long)raw;
        }
        else
        {
            size = _header[1];
        }
        var body = size == 0 ? [] : new byte[size];
        if (size > 0) await _reader.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return (flags, body);
    }

    /// <summary>Sends a multipart message.</summary>
    public Task SendAsync(IReadOnlyList<byte[]> frames, CancellationToken cancellationToken = default) =>
        SendRawAsync(ZmtpFrame.EncodeMessage(frames), cancellationToken);

    /// <summary>Writes already encoded frames in one piece, under this connection's write lock.</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> encoded, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(encoded, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
        _writeLock.Dispose();
    }
}

/// <summary>What <see cref="ZmtpConnection.ReceiveAsync"/> read: a message's frames, or a command.</summary>
public sealed record ZmtpIncoming(IReadOnlyList<byte[]>? Frames, ZmtpCommand? Command);
