using System.Net;
using System.Net.Sockets;

namespace GenAI.Kernel.Zmtp;

/// <summary>
/// A bound TCP port that accepts any number of ZMTP peers at any time. A peer that fails its
/// handshake (port probes, junk) only loses its own connection, never the listener.
/// </summary>
public abstract class ZmtpListener : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<string>? _log;

    /// <summary>Binds <paramref name="address"/>:<paramref name="port"/> (port 0 picks a free one).</summary>
    protected ZmtpListener(ZmtpSocketType type, IPAddress address, int port, Action<string>? log)
    {
        SocketType = type;
        _log = log;
        _listener = new TcpListener(address, port);
        _listener.Start(backlog: 64);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Our socket type.</summary>
    public ZmtpSocketType SocketType { get; }
    /// <summary>The bound port.</summary>
    public int Port { get; }
    /// <summary>Cancelled when the listener is disposed.</summary>
    protected CancellationToken Stopping => _stop.Token;

    /// <summary>Serves one connection after its handshake, until the peer leaves.</summary>
    protected abstract Task ServeAsync(ZmtpConnection connection, CancellationToken cancellationToken);

    /// <summary>Writes a diagnostic line (kernel log, usually stderr).</summary>
    protected void Log(string message) => _log?.Invoke(message);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                Log($"{SocketType.WireName()} accept failed: {e.Message}");
                continue;
            }
            socket.NoDelay = true;   // as libzmq: small frames must not wait on delayed ACKs
            _ = Task.Run(() => HandleAsync(socket));
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        ZmtpConnection? connection = null;
        try
        {
            using (var handshakeTimeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
            {
                handshakeTimeout.CancelAfter(TimeSpan.FromSeconds(30));
                connection = await ZmtpConnection.AcceptAsync(stream, SocketType, handshakeTimeout.Token).ConfigureAwait(false);
            }
            await ServeAsync(connection, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Peer went away (port probe, reconnecting client, shutdown): nothing to report.
        }
        catch (ZmtpProtocolException e)
        {
            Log($"{SocketType.WireName()} port {Port}: closing connection: {e.Message}");
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops accepting and ends every connection's loop.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        _stop.Cancel();
        _listener.Stop();
    }
}
