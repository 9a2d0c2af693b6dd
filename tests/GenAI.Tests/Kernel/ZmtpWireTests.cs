using System.Net;
using System.Text;
using GenAI.Kernel.Zmtp;

namespace GenAI.Tests.Kernel;

/// <summary>ZMTP 3.x at the byte level (RFC 23 / RFC 37), checked against the bytes libzmq sends and expects.</summary>
public class ZmtpWireTests
{
    [Test]
    public async Task Server_sends_full_greeting_and_ready_before_reading_anything()
    {
        using var router = new RouterSocket(IPAddress.Loopback, 0, _ => { });
        using var peer = await RawZmtpPeer.ConnectAsync(router.Port);

        // libzmq sends only 10 bytes and waits: the server must speak first or both deadlock.
        var greeting = peer.ReadExactly(64);
        Assert.That(greeting[0], Is.EqualTo(0xFF));
        Assert.That(greeting[9], Is.EqualTo(0x7F));
        Assert.That(greeting[10], Is.EqualTo(3));
        Assert.That(Encoding.ASCII.GetString(greeting, 12, 4), Is.EqualTo("NULL"));
        Assert.That(greeting.AsSpan(16, 16).ToArray(), Is.All.Zero);
        Assert.That(greeting[32], Is.Zero, "as-server is 0 for NULL");

        // 04 1C 05 'READY' 0B 'Socket-Type' 00 00 00 06 'ROUTER', as captured from libzmq.
        byte[] expectedReady = [0x04, 0x1C, 0x05, .. "READY"u8, 0x0B, .. "Socket-Type"u8, 0, 0, 0, 6, .. "ROUTER"u8];
        Assert.That(peer.ReadExactly(expectedReady.Length), Is.EqualTo(expectedReady));
    }

    [Test]
    public void Ready_commands_for_pub_and_rep_match_the_libzmq_bytes()
    {
        byte[] pub = [0x04, 0x19, 0x05, .. "READY"u8, 0x0B, .. "Socket-Type"u8, 0, 0, 0, 3, .. "PUB"u8];
        byte[] rep = [0x04, 0x19, 0x05, .. "READY"u8, 0x0B, .. "Socket-Type"u8, 0, 0, 0, 3, .. "REP"u8];
        Assert.That(ZmtpFrame.EncodeReady("PUB"), Is.EqualTo(pub));
        Assert.That(ZmtpFrame.EncodeReady("REP"), Is.EqualTo(rep));
    }

    [Test]
    public void Greeting_of_an_old_or_secured_peer_is_refused()
    {
        var curve = ZmtpGreeting.Create();
        Encoding.ASCII.GetBytes("CURVE").CopyTo(curve, 12);
        Assert.That(() => ZmtpGreeting.Parse(curve), Throws.TypeOf<ZmtpProtocolException>().With.Message.Contains("CURVE"));
        var v2 = ZmtpGreeting.Create();
        v2[10] = 2;
        Assert.That(() => ZmtpGreeting.Parse(v2), Throws.TypeOf<ZmtpProtocolException>());
        Assert.That(ZmtpGreeting.Parse(ZmtpGreeting.Create(0)), Is.EqualTo(0));
    }

    [Test]
    public void Frames_over_255_bytes_use_the_8_byte_size_and_short_ones_do_not()
    {
        var encoded = ZmtpFrame.EncodeMessage([new byte[3], new byte[256]]);
        Assert.That(encoded[..2], Is.EqualTo(new byte[] { 0x01, 3 }), "short frame with MORE");
        Assert.That(encoded[5], Is.EqualTo(0x02), "long frame, last");
        Assert.That(encoded[6..14], Is.EqualTo(new byte[] { 0, 0, 0, 0, 0, 0, 1, 0 }), "size 256 big-endian");
        Assert.That(encoded, Has.Length.EqualTo(2 + 3 + 9 + 256));
    }

    [Test]
    public async Task Rep_echoes_multipart_messages_with_long_frames_of_any_size()
    {
        using var rep = new RepSocket(IPAddress.Loopback, 0);
        using var peer = await RawZmtpPeer.HandshakeAsync(rep.Port, "REQ");
        var big = new byte[3_000_000];
        new Random(7).NextBytes(big);
        // A short size sent in a long header is legal too (receivers accept LONG for any size).
        peer.Write([0x03, 0, 0, 0, 0, 0, 0, 0, 0]);           // empty delimiter frame, LONG|MORE
        peer.Write(ZmtpFrame.EncodeMessage([big]));
        var echoed = peer.ReadMessage();
        Assert.That(echoed, Has.Count.EqualTo(2));
        Assert.That(echoed[0], Is.Empty);
        Assert.That(echoed[1], Is.EqualTo(big));
    }

    [Test]
    public async Task Ping_is_answered_with_pong_carrying_the_same_context()
    {
        using var rep = new RepSocket(IPAddress.Loopback, 0);
        using var peer = await RawZmtpPeer.HandshakeAsync(rep.Port, "REQ");
        peer.Write(ZmtpFrame.EncodeCommand("PING", [0x00, 0x64, .. "ctx"u8]));
        var (flags, body) = peer.ReadFrame();
        Assert.That(flags, Is.EqualTo(ZmtpFrame.Command));
        var pong = ZmtpCommand.Parse(body);
        Assert.That(pong.Name, Is.EqualTo("PONG"));
        Assert.That(pong.Data, Is.EqualTo("ctx"u8.ToArray()));
    }

    [TestCase((byte)0, TestName = "Pub_delivers_to_a_zmtp_3_0_subscriber_that_subscribes_with_a_message")]
    [TestCase((byte)1, TestName = "Pub_delivers_to_a_zmtp_3_1_subscriber_that_subscribes_with_a_command")]
    public async Task Pub_delivers_after_either_subscription_form(byte minor)
    {
        using var pub = new PubSocket(IPAddress.Loopback, 0);
        using var peer = await RawZmtpPeer.HandshakeAsync(pub.Port, "SUB", minor);
        if (minor == 0) peer.Write([0x00, 0x01, 0x01]);                                  // message: 01 + empty topic = all
        else peer.Write(ZmtpFrame.EncodeCommand("SUBSCRIBE", []));                       // 04 0A 09 'SUBSCRIBE'
        await WaitUntil(() => pub.SubscriberCount == 1);

        pub.Publish(["kernel.x.stream"u8.ToArray(), new byte[70_000]]);
        var message = peer.ReadMessage();
        Assert.That(Encoding.ASCII.GetString(message[0]), Is.EqualTo("kernel.x.stream"));
        Assert.That(message[1], Has.Length.EqualTo(70_000));
    }

    [Test]
    public async Task Pub_filters_by_topic_prefix_and_cancel_stops_delivery()
    {
        using var pub = new PubSocket(IPAddress.Loopback, 0);
        using var peer = await RawZmtpPeer.HandshakeAsync(pub.Port, "SUB");
        peer.Write(ZmtpFrame.EncodeCommand("SUBSCRIBE", "a"u8));
        await WaitUntil(() => pub.SubscriberCount == 1);
        pub.Publish(["b-topic"u8.ToArray(), [1]]);
        pub.Publish(["a-topic"u8.ToArray(), [2]]);
        Assert.That(peer.ReadMessage()[1], Is.EqualTo(new byte[] { 2 }), "b-topic is filtered out");

        peer.Write(ZmtpFrame.EncodeCommand("CANCEL", "a"u8));
        await WaitUntil(() => pub.SubscriberCount == 0);
    }

    [Test]
    public async Task A_peer_sending_junk_loses_only_its_own_connection()
    {
        using var router = new RouterSocket(IPAddress.Loopback, 0, _ => { });
        using (var junk = await RawZmtpPeer.ConnectAsync(router.Port))
        {
            junk.Write(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n\r\n" + new string('x', 80)));
        }
        using var probe = await RawZmtpPeer.ConnectAsync(router.Port);   // port probe: connect, close
        probe.Dispose();
        using var good = await RawZmtpPeer.HandshakeAsync(router.Port, "DEALER", identity: "me"u8.ToArray());
        await WaitUntil(() => router.PeerCount == 1);
    }

    [Test]
    public async Task Router_prepends_identity_and_routes_replies_back_to_that_peer()
    {
        var received = new TaskCompletionSource<IReadOnlyList<byte[]>>();
        using var router = new RouterSocket(IPAddress.Loopback, 0, frames => received.TrySetResult(frames));
        using var alice = await RawZmtpPeer.HandshakeAsync(router.Port, "DEALER", identity: "alice"u8.ToArray());
        using var anonymous = await RawZmtpPeer.HandshakeAsync(router.Port, "DEALER");
        await WaitUntil(() => router.PeerCount == 2);

        alice.SendMessage("hello"u8.ToArray());
        var frames = await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(frames[0], Is.EqualTo("alice"u8.ToArray()));
        Assert.That(frames[1], Is.EqualTo("hello"u8.ToArray()));

        Assert.That(await router.SendAsync(["alice"u8.ToArray(), "reply"u8.ToArray()]), Is.True);
        Assert.That(alice.ReadMessage()[0], Is.EqualTo("reply"u8.ToArray()));
        Assert.That(await router.SendAsync(["nobody"u8.ToArray(), "x"u8.ToArray()]), Is.False, "unknown identity: dropped");
    }

    [Test]
    public async Task Incompatible_socket_type_gets_an_error_command_and_is_closed()
    {
        using var pub = new PubSocket(IPAddress.Loopback, 0);
        using var peer = await RawZmtpPeer.ConnectAsync(pub.Port);
        peer.Write(ZmtpGreeting.Create());
        peer.Write(ZmtpFrame.EncodeReady("DEALER"));
        peer.ReadExactly(64);
        peer.ReadFrame();   // READY
        var (flags, body) = peer.ReadFrame();
        Assert.That(flags, Is.EqualTo(ZmtpFrame.Command));
        Assert.That(ZmtpCommand.Parse(body).Name, Is.EqualTo("ERROR"));
    }

    [Test]
    public async Task Pub_never_drops_output_for_a_slow_subscriber_and_serves_every_subscriber()
    {
        using var pub = new PubSocket(IPAddress.Loopback, 0);
        using var slow = await RawZmtpPeer.HandshakeAsync(pub.Port, "SUB", minor: 0);
        using var other = await RawZmtpPeer.HandshakeAsync(pub.Port, "SUB", minor: 1);
        slow.Write([0x00, 0x01, 0x01]);
        other.Write(ZmtpFrame.EncodeCommand("SUBSCRIBE", []));
        await WaitUntil(() => pub.SubscriberCount == 2);

        // libzmq's default high-water mark (1000) would silently drop most of these.
        const int count = 20_000;
        for (int i = 0; i < count; i++) pub.Publish(["t"u8.ToArray(), BitConverter.GetBytes(i), new byte[100]]);
        for (int i = 0; i < count; i++)
        {
            Assert.That(BitConverter.ToInt32(slow.ReadMessage()[1]), Is.EqualTo(i));
            if (i % 1000 == 0) await Task.Delay(1);   // read slowly while the kernel keeps publishing
        }
        for (int i = 0; i < count; i++) Assert.That(BitConverter.ToInt32(other.ReadMessage()[1]), Is.EqualTo(i));
    }

    [Test]
    public async Task Router_hands_an_identity_over_to_a_reconnecting_peer()
    {
        using var router = new RouterSocket(IPAddress.Loopback, 0, _ => { });
        using var first = await RawZmtpPeer.HandshakeAsync(router.Port, "DEALER", identity: "session"u8.ToArray());
        await WaitUntil(() => router.PeerCount == 1);
        using var second = await RawZmtpPeer.HandshakeAsync(router.Port, "DEALER", identity: "session"u8.ToArray());
        await Task.Delay(100);
        Assert.That(await router.SendAsync(["session"u8.ToArray(), "to-newest"u8.ToArray()]), Is.True);
        Assert.That(second.ReadMessage()[0], Is.EqualTo("to-newest"u8.ToArray()));
    }

    internal static async Task WaitUntil(Func<bool> condition, int timeoutMs = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("condition not reached in time");
            await Task.Delay(10);
        }
    }
}
