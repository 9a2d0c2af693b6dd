using System.Collections.Concurrent;
using System.Net;

namespace GenAI.Kernel.Zmtp;

/// <summary>
/// ROUTER semantics (RFC 28): each incoming message gets its connection's identity prepended as the
/// first frame; an outgoing message's first frame names the connection it goes to, and a message for
/// an unknown identity is dropped silently, never blocking the sender.
/// </summary>
public sealed class RouterSocket : ZmtpListener
{
    private readonly ConcurrentDictionary<string, ZmtpConnection> _peers = new(StringComparer.Ordinal);
    private readonly Action<IReadOnlyList<byte[]>> _onMessage;
    private int _nextGeneratedIdentity = Random.Shared.Next();

    /// <summary>Binds a ROUTER; <paramref name="onMessage"/> runs on the connection's reader for every message.</summary>
    public RouterSocket(IPAddress address, int port, Action<IReadOnlyList<byte[]>> onMessage, Action<string>? log = null)
        : base(ZmtpSocketType.Router, address, port, log) => _onMessage = onMessage;

    /// <summary>Number of connected peers.</summary>
    public int PeerCount => _peers.Count;

    /// <inheritdoc/>
    protected override async Task ServeAsync(ZmtpConnection connection, CancellationToken cancellationToken)
    {
        byte[] identity = connection.PeerIdentity;
        if (identity.Length == 0)
        {
            // libzmq's generated identities: a zero byte then a 4-byte counter; never collides with a
            // peer-chosen identity because those may not start with zero (RFC 28).
            identity = new byte[5];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(identity.AsSpan(1), Interlocked.Increment(ref _nextGeneratedIdentity));
        }
        string key = Convert.ToHexString(identity);
        // A reconnect with the same identity replaces the old mapping (ROUTER_HANDOVER): clients that
        // recreate their sockets must keep receiving replies.
        _peers[key] = connection;
        try
        {
            while (await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } incoming)
            {
                if (incoming.Frames is not { } frames) continue;
                var routed = new List<byte[]>(frames.Count + 1) { identity };
                routed.AddRange(frames);
                _onMessage(routed);
            }
        }
        finally
        {
            _peers.TryRemove(new KeyValuePair<string, ZmtpConnection>(key, connection));
        }
    }

    /// <summary>
    /// Sends <paramref name="frames"/>[1..] to the peer named by <paramref name="frames"/>[0].
    /// Returns false (and drops the message) when no such peer is connected.
    /// </summary>
    public async Task<bool> SendAsync(IReadOnlyList<byte[]> frames)
    {
        if (frames.Count < 2) throw new ArgumentException("a routed message needs an identity frame and a body", nameof(frames));
        if (!_peers.TryGetValue(Convert.ToHexString(frames[0]), out var peer)) return false;
        try
        {
            await peer.SendAsync(frames.Skip(1).ToArray()).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return false;   // the peer left while we were writing
        }
    }
}
