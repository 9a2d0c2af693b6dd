using System.Net;

namespace GenAI.Kernel.Zmtp;

/// <summary>
/// The heartbeat's REP socket. A REP strips the envelope (frames up to the empty delimiter) and puts
/// it back on the reply (RFC 28); for an echo service that is the same as returning every frame as
/// received, which is what Jupyter's heartbeat asks for.
/// </summary>
public sealed class RepSocket : ZmtpListener
{
    /// <summary>Binds an echoing REP socket.</summary>
    public RepSocket(IPAddress address, int port, Action<string>? log = null) : base(ZmtpSocketType.Rep, address, port, log) { }

    /// <inheritdoc/>
    protected override async Task ServeAsync(ZmtpConnection connection, CancellationToken cancellationToken)
    {
        while (await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } incoming)
            if (incoming.Frames is { } frames)
                await connection.SendAsync(frames, cancellationToken).ConfigureAwait(false);
    }
}
