using System.Security.Cryptography;
using GenAI.Display;

namespace GenAI.Text;

/// <summary>
/// Finds a <c>.tiktoken</c> rank file: the folder named by <c>GENAI_DATA_DIR</c>, then the user cache
/// (<c>$XDG_CACHE_HOME/genai</c> or <c>~/.cache/genai</c>; on Windows <c>%LOCALAPPDATA%\genai</c>), then a download
/// from OpenAI's public location, checked against tiktoken's SHA-256 pin and written atomically
/// (temp file, hash check, rename). A small self-contained fetcher until the course-wide one in
/// <c>GenAI.Data</c> takes over.
/// </summary>
internal static class RankFiles
{
    /// <summary>tiktoken's URL and SHA-256 for each rank file (<c>tiktoken_ext/openai_public.py</c>).</summary>
    public static readonly IReadOnlyDictionary<string, (string Url, string Sha256)> Known = new Dictionary<string, (string, string)>
    {
        ["r50k_base"] = ("https://openaipublic.blob.core.windows.net/encodings/r50k_base.tiktoken", "306cd27f03c1a714eca7108e03d66b7dc042abe8c258b44c199a7ed9838dd930"),
        ["p50k_base"] = ("https://openaipublic.blob.core.windows.net/encodings/p50k_base.tiktoken", "94b5ca7dff4d00767bc256fdd1b27e5b17361d7b8a5f968547f9f23eb70d2069"),
        ["cl100k_base"] = ("https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken", "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"),
        ["o200k_base"] = ("https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken", "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"),
    };

    /// <summary>The user cache folder for course data.</summary>
    public static string CacheFolder()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "genai");
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "genai");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "genai");
    }

    /// <summary>Path of the verified rank file <paramref name="baseName"/> (e.g. <c>cl100k_base</c>), downloading it if needed.</summary>
    public static string Resolve(string baseName)
    {
        var (url, sha256) = Known[baseName];
        return Resolve(baseName + ".tiktoken", new Uri(url), sha256,
            Environment.GetEnvironmentVariable(CourseInfo.DataDirVariable), CacheFolder(), handler: null);
    }

    /// <summary>Resolution with every input explicit (tests point <paramref name="url"/> at a loopback server).</summary>
    public static string Resolve(string fileName, Uri url, string sha256, string? dataDir, string cacheDir, HttpMessageHandler? handler)
    {
        if (!string.IsNullOrEmpty(dataDir))
        {
            var candidate = Path.Combine(dataDir, fileName);
            if (File.Exists(candidate))
            {
                if (!HashMatches(candidate, sha256))
                    throw new InvalidDataException(
                        $"Die Datei {candidate} hat nicht die erwartete SHA-256-Prüfsumme {sha256}. " +
                        $"Ersetze sie durch das Original von {url} oder entferne sie aus {CourseInfo.DataDirVariable}.");
                return candidate;
            }
        }
        var cached = Path.Combine(cacheDir, fileName);
        if (File.Exists(cached))
        {
            if (HashMatches(cached, sha256)) return cached;
            File.Delete(cached); // a damaged cache entry is fetched again, as tiktoken does
        }
        Download(url, cached, sha256, handler, dataDir);
        return cached;
    }

    private static bool HashMatches(string path, string sha256)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream)) == sha256;
    }

    private static void Download(Uri url, string target, string sha256, HttpMessageHandler? handler, string? dataDir)
    {
        if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
            throw new ArgumentException($"Rang-Dateien werden nur über HTTPS geladen, nicht über {url}.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + "." + Guid.NewGuid().ToString("N")[..8] + ".part";
        try
        {
            using (var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false))
            using (var response = client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult())
            {
                response.EnsureSuccessStatusCode();
                long? total = response.Content.Headers.ContentLength;
                using var source = response.Content.ReadAsStream();
                using var file = File.Create(temp);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                using var progress = Progress.Start($"Lade {Path.GetFileName(target)}");
                var buffer = new byte[81920];
                long done = 0;
                int read;
                while ((read = source.Read(buffer)) > 0)
                {
                    file.Write(buffer, 0, read);
                    hash.AppendData(buffer, 0, read);
                    done += read;
                    progress.Report(done / 1e6, total / 1e6, "MB");
                }
                var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (actual != sha256)
                    throw new InvalidDataException($"Die von {url} geladene Datei hat die SHA-256-Prüfsumme {actual} statt {sha256}; sie wurde verworfen.");
            }
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            throw new FileNotFoundException(
                $"Die Rang-Datei {Path.GetFileName(target)} ist nicht vorhanden und konnte nicht von {url} geladen werden ({e.Message}). " +
                $"Lade sie auf einem Rechner mit Internet herunter und lege sie in den Ordner, den die Umgebungsvariable " +
                $"{CourseInfo.DataDirVariable} nennt{(string.IsNullOrEmpty(dataDir) ? " (zurzeit nicht gesetzt)" : $" ({dataDir})")}, " +
                $"oder nach {Path.GetDirectoryName(target)}.", Path.GetFileName(target), e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
