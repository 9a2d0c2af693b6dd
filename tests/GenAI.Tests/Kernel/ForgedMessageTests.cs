using System.Text;
using System.Text.Json.Nodes;
using GenAI.Kernel.Protocol;

namespace GenAI.Tests.Kernel;

/// <summary>HMAC checks on every incoming message: a forged one is rejected, logged and never executed.</summary>
public class ForgedMessageTests
{
    private static List<byte[]> ExecuteRequest(KernelSession client, string code) =>
        client.Build([], "execute_request", null, new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true });

    [Test]
    public async Task A_message_with_a_wrong_signature_is_rejected_and_not_executed()
    {
        var engine = new ScriptedTestEngine();
        using var kernel = new InProcessKernel(engine);
        using var shell = await RawZmtpPeer.HandshakeAsync(kernel.Kernel.BoundConnection.ShellPort, "DEALER", identity: "attacker"u8.ToArray());

        var forger = new KernelSession(new MessageSigner("not-the-key"));
        shell.SendMessage([.. ExecuteRequest(forger, "forged")]);
        var tampered = ExecuteRequest(new KernelSession(new MessageSigner(InProcessKernel.Key)), "genuine");
        tampered[5] = Encoding.UTF8.GetBytes("{\"code\":\"tampered\",\"silent\":false}");   // content changed after signing
        shell.SendMessage([.. tampered]);

        await ZmtpWireTests.WaitUntil(() => kernel.Kernel.RejectedMessages == 2);
        Assert.That(kernel.Log.Count(l => l.Contains("invalid HMAC signature", StringComparison.Ordinal)), Is.EqualTo(2));

        // A correctly signed request still works afterwards, and is the only one that ran.
        shell.SendMessage([.. ExecuteRequest(new KernelSession(new MessageSigner(InProcessKernel.Key)), "genuine")]);
        var reply = shell.ReadMessage();
        Assert.That(Encoding.UTF8.GetString(reply[2]), Does.Contain("\"msg_type\":\"execute_reply\""));
        Assert.That(engine.Executed, Is.EqualTo(new[] { "genuine" }));
    }

    [Test]
    public void Signature_is_lowercase_hex_hmac_sha256_of_the_four_parts_with_the_key_as_utf8()
    {
        // Oracle: Python's hmac.new(b"key", b"{}"*3 + b'{"a":1}', hashlib.sha256).hexdigest()
        var signer = new MessageSigner("key");
        var signature = Encoding.ASCII.GetString(signer.Sign("{}"u8, "{}"u8, "{}"u8, "{\"a\":1}"u8));
        Assert.That(signature, Is.EqualTo(System.Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("key"u8, "{}{}{}{\"a\":1}"u8))));
        Assert.That(signer.Verify(Encoding.ASCII.GetBytes(signature.ToUpperInvariant()), "{}"u8, "{}"u8, "{}"u8, "{\"a\":1}"u8), Is.False,
            "upper-case hex is rejected, as jupyter_client does");
        Assert.That(new MessageSigner("").Sign("{}"u8, "{}"u8, "{}"u8, "{}"u8), Is.Empty, "empty key: empty signature frame");
    }

    [Test]
    public void Parser_finds_the_delimiter_after_any_identities_and_keeps_buffers()
    {
        var session = new KernelSession(new MessageSigner("k"));
        var frames = session.Build(["id1"u8.ToArray(), "id2"u8.ToArray()], "comm_msg", null, new JsonObject { ["comm_id"] = "c" });
        frames.Add([1, 2, 3]);
        var message = WireFormat.Parse(frames, new MessageSigner("k"));
        Assert.That(message.Identities, Has.Count.EqualTo(2));
        Assert.That(message.MsgType, Is.EqualTo("comm_msg"));
        Assert.That(message.Buffers.Single(), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void Dates_have_at_most_six_fractional_digits()
    {
        Assert.That(JupyterDate.Format(new DateTime(2026, 11, 22, 1, 37, 3, DateTimeKind.Utc).AddTicks(6426561)),
            Is.EqualTo("2026-11-22T01:37:03.642656Z"));
    }
}
