using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using GenAI.Display;

namespace GenAI.Data;

/// <summary>
/// Downloads one file into the cache the safe way: into a private <c>.part</c> file, resuming with an
/// HTTP Range request (RFC 9110 §14) when the connection breaks off mid-file, restarting cleanly when
/// the server ignores the range, and renaming to the final name only after size and SHA-256 match.
/// On failure the partial file is deleted: the cache never holds a file that was not verified.
/// </summary>
internal sealed class Downloader(HttpMessageHandler? handler, int maxAttempts, TimeSpan idleTimeout)
{
    private const int BufferSize = 1 << 16;

    public async Task DownloadAsync(DataFile file, Uri url, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        RemoveStaleParts(target);
        // A private name per download: two processes fetching the same file never write into one file.
        var part = $"{target}.{Guid.NewGuid():N}.part";
        using var client = handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(20), AutomaticDecompression = DecompressionMethods.None })
            : new HttpClient(handler, disposeHandler: false);
        client.Timeout = Timeout.InfiniteTimeSpan; // idle time is policed per read instead: big files may take long
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("GenAI-Kurs", CourseInfo.Version));
        try
        {
            using (var progress = Progress.Start($"Lade {file.Name}"))
            {
                for (int attempt = 1; ; attempt++)
                {
                    long before = File.Exists(part) ? new FileInfo(part).Length : 0;
                    try
                    {
                        await FetchAsync(client, url, part, file.Size, progress, cancellationToken).ConfigureAwait(false);
                        break;
                    }
                    catch (Exception e) when (IsBrokenTransfer(e, cancellationToken))
                    {
                        long after = File.Exists(part) ? new FileInfo(part).Length : 0;
                        // Retry only a transfer that made progress: no progress means offline or refused, and waiting helps nobody.
                        if (attempt >= maxAttempts || after <= before) throw;
                    }
                }
            }
            var problem = FileCheck.Problem(file, part);
            if (problem is not null)
                throw new InvalidDataException($"die geladene Datei {problem}; sie wurde verworfen");
            File.Move(part, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(part)) File.Delete(part);
            RemoveIfEmpty(Path.GetDirectoryName(target)!);
        }
    }

    private async Task FetchAsync(HttpClient client, Uri url, string part, long? expectedSize, IProgressView progress, CancellationToken cancellationToken)
    {
        try
        {
            await FetchOnceAsync(client, url, part, expectedSize, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{idleTimeout.TotalSeconds:0} Sekunden lang kamen keine Daten"));
        }
    }

    private async Task FetchOnceAsync(HttpClient client, Uri url, string part, long? expectedSize, IProgressView progress, CancellationToken cancellationToken)
    {
        long existing = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0) request.Headers.Range = new RangeHeaderValue(existing, null);

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // Our partial file is not a prefix the server can continue: start over.
            File.Delete(part);
            throw new IOException("der Server konnte den Download nicht fortsetzen; er beginnt von vorn");
        }
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"der Server antwortete mit {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);

        bool resumed = existing > 0 && response.StatusCode == HttpStatusCode.PartialContent
                       && response.Content.Headers.ContentRange?.From == existing;
        if (!resumed) existing = 0; // the server sent the whole file (it ignored the range): rewrite from the start
        long? total = response.Content.Headers.ContentRange?.Length
                      ?? (response.Content.Headers.ContentLength is { } length ? existing + length : expectedSize);
        if (expectedSize is { } size && total is { } announced && announced != size)
            throw new InvalidDataException($"der Server kündigt {announced:N0} Bytes an, erwartet sind {size:N0}");

        await using var output = new FileStream(part, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        await using var input = await response.Content.ReadAsStreamAsync(idle.Token).ConfigureAwait(false);
        var buffer = new byte[BufferSize];
        long received = existing;
        while (true)
        {
            idle.CancelAfter(idleTimeout);
            int n = await input.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
            if (n == 0) break;
            await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            received += n;
            progress.Report(received / 1e6, total / 1e6, "MB");
        }
        if (total is { } expected && received < expected)
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"die Verbindung brach nach {received:N0} von {expected:N0} Bytes ab"));
    }

    private static bool IsBrokenTransfer(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e is IOException or TimeoutException
                or HttpRequestException { StatusCode: null }; // a status code means the server answered: no retry

    private static void RemoveIfEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
        catch (IOException) { } // another download just started there
    }

    private static void RemoveStaleParts(string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        foreach (var stale in Directory.EnumerateFiles(folder, Path.GetFileName(target) + ".*.part"))
        {
            // Older than an hour: left by a process that was killed; a younger one may still be writing.
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(stale) < TimeSpan.FromHours(1)) continue;
            try { File.Delete(stale); } catch (IOException) { }
        }
    }
}
