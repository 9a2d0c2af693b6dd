using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GenAI.Tests.Data;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 for download tests, written on a raw socket so a test can do
/// what real networks do: cut the connection mid-file, ignore or honour Range requests.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = [];

    public LoopbackServer()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Cut the connection after this many body bytes, for this many requests (then serve fully).</summary>
    public (long AfterBytes, int Times) Drop { get; set; } = (0, 0);

    /// <summary>When set, every response stops sending after this many body bytes and keeps the connection open.</summary>
    public long? StallAfter { get; set; }

    /// <summary>Whether Range requests are answered with 206 (otherwise the whole file comes with 200).</summary>
    public bool HonourRange { get; set; } = true;

    /// <summary>Request line and Range header of every request, in order.</summary>
    public IReadOnlyList<string> Requests { get { lock (_requests) return [.. _requests]; } }

    public void Serve(string path, byte[] content) => _files[path.TrimStart('/')] = content;

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Handle(client));
        }
    }

    private async Task Handle(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync() ?? "";
            long? rangeFrom = null;
            for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
                if (line.StartsWith("Range: bytes=", StringComparison.OrdinalIgnoreCase))
                    rangeFrom = long.Parse(line["Range: bytes=".Length..].TrimEnd('-').Split('-')[0]);
            lock (_requests) _requests.Add(rangeFrom is null ? requestLine : $"{requestLine} Range {rangeFrom}-");

            var path = Uri.UnescapeDataString(requestLine.Split(' ')[1].TrimStart('/'));
            if (!_files.TryGetValue(path, out var content))
            {
                await Write(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            long from = HonourRange && rangeFrom is { } r && r < content.Length ? r : 0;
            var header = from > 0
                ? $"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes {from}-{content.Length - 1}/{content.Length}\r\n"
                : "HTTP/1.1 200 OK\r\n";
            header += $"Content-Length: {content.Length - from}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
            await Write(stream, header);

            long end = content.Length;
            bool drop;
            lock (_requests) { drop = Drop.Times > 0; if (drop) Drop = (Drop.AfterBytes, Drop.Times - 1); }
            if (drop) end = Math.Min(end, from + Drop.AfterBytes);
            if (StallAfter is { } stall) end = Math.Min(end, from + stall);
            await stream.WriteAsync(content.AsMemory((int)from, (int)(end - from)));
            await stream.FlushAsync();
            if (drop) client.Client.LingerState = new LingerOption(true, 0); // abortive close: the client sees a reset
            if (StallAfter is not null && end < content.Length)
            {
                try { await Task.Delay(Timeout.Infinite, _stop.Token); } catch (OperationCanceledException) { }
            }
        }
    }

    private static Task Write(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Dispose();
        _stop.Dispose();
    }
}
