using System.Net;
using System.Threading.Channels;

namespace GenAI.Kernel.Zmtp;

/// <summary>
/// PUB semantics (RFC 29): a message goes to every subscriber whose subscriptions include a prefix
/// of its first frame. Both subscription forms are accepted — the ZMTP 3.0 message <c>01 topic</c> /
/// <c>00 topic</c> and the ZMTP 3.1 commands <c>SUBSCRIBE</c> / <c>CANCEL</c> — because libzmq picks
/// the form by the version each side announces (docs/kernel-notes.md §2).
/// Each subscriber has its own unbounded queue: a slow client never blocks the kernel, and no output
/// is ever dropped (unlike libzmq's high-water mark).
/// </summary>
public sealed class PubSocket : ZmtpListener
{
    private sealed class Subscriber(ZmtpConnection connection)
    {
        public ZmtpConnection Connection { get; } = connection;
        public List<byte[]> Topics { get; } = [];      // a multiset: subscriptions are not idempotent
        public Channel<byte[]> Queue { get; } = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
        public int Pending;                             // queued but not yet written to the network
    }

    private readonly List<Subscriber> _subscribers = [];
    private readonly object _publishLock = new();

    /// <summary>Binds a PUB socket.</summary>
    public PubSocket(IPAddress address, int port, Action<string>? log = null) : base(ZmtpSocketType.Pub, address, port, log) { }

    /// <summary>Number of connected peers with at least one subscription.</summary>
    public int SubscriberCount
    {
        get { lock (_publishLock) return _subscribers.Count(s => s.Topics.Count > 0); }
    }

    /// <summary>Raised after a peer's subscriptions changed (tests and late-joiner logic wait on it).</summary>
    public event Action? SubscriptionsChanged;

    /// <summary>Queues <paramref name="frames"/> for every matching subscriber; never blocks, never drops.</summary>
    public void Publish(IReadOnlyList<byte[]> frames)
    {
        var encoded = ZmtpFrame.EncodeMessage(frames);
        var topic = frames[0];
        // One lock keeps every subscriber's queue in the same global order of publications.
        lock (_publishLock)
        {
            foreach (var subscriber in _subscribers)
                if (subscriber.Topics.Exists(t => topic.AsSpan().StartsWith(t)) && subscriber.Queue.Writer.TryWrite(encoded))
                    Interlocked.Increment(ref subscriber.Pending);
        }
    }

    /// <inheritdoc/>
    protected override async Task ServeAsync(ZmtpConnection connection, CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber(connection);
        lock (_publishLock) _subscribers.Add(subscriber);
        var writer = Task.Run(() => WriteLoopAsync(subscriber, cancellationToken), CancellationToken.None);
        try
        {
            while (await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } incoming)
            {
                if (incoming.Command is { Name: "SUBSCRIBE" } subscribe) Change(subscriber, subscribe.Data, add: true);
                else if (incoming.Command is { Name: "CANCEL" } cancel) Change(subscriber, cancel.Data, add: false);
                else if (incoming.Frames is [var body] && body.Length > 0 && body[0] <= 1)
                    Change(subscriber, body[1..], add: body[0] == 1);
                // Anything else sent to a PUB is ignored (RFC 29).
            }
        }
        finally
        {
            lock (_publishLock) _subscribers.Remove(subscriber);
            subscriber.Queue.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }
    }

    private void Change(Subscriber subscriber, byte[] topic, bool add)
    {
        lock (_publishLock)
        {
            if (add) subscriber.Topics.Add(topic);
            else
            {
                int index = subscriber.Topics.FindIndex(t => t.AsSpan().SequenceEqual(topic));
                if (index >= 0) subscriber.Topics.RemoveAt(index);
            }
        }
        SubscriptionsChanged?.Invoke();
    }

    private static async Task WriteLoopAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var encoded in subscriber.Queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await subscriber.Connection.SendRawAsync(encoded, cancellationToken).ConfigureAwait(false);
                Interlocked.Decrement(ref subscriber.Pending);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The subscriber left; its reader loop removes it.
        }
    }

    /// <summary>
    /// Waits until every queued message has been handed to the network, or the timeout passes.
    /// Used before the process exits so the last outputs (shutdown_reply, idle) reach clients.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            bool empty;
            lock (_publishLock) empty = _subscribers.TrueForAll(s => Volatile.Read(ref s.Pending) == 0);
            if (empty) return;
            await Task.Delay(10).ConfigureAwait(false);
        }
    }
}
