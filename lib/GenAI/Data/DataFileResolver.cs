using System.Runtime.InteropServices;
using System.Text;

namespace GenAI.Data;

/// <summary>
/// Finds a data file on this machine or downloads it, in the order of the course's data policy:
/// the folder named by <c>GENAI_DATA_DIR</c> → the user cache → folders of operating-system packages
/// → an HTTPS download into the cache (verified, atomic). Every copy is checked before use; a bad
/// copy in the cache is deleted and replaced, a bad copy in a user folder is skipped (never touched).
/// </summary>
/// <remarks>
/// Make one with <see cref="FromEnvironment"/> (what <see cref="DataFiles"/> uses) or set the
/// properties directly (tests point <see cref="MirrorUrl"/> at a loopback server).
/// </remarks>
public sealed class DataFileResolver
{
    /// <summary>Environment variable naming a folder with data files (checked first).</summary>
    public const string DataDirVariable = CourseInfo.DataDirVariable;

    /// <summary>Environment variable overriding the cache folder.</summary>
    public const string CacheDirVariable = "GENAI_CACHE_DIR";

    /// <summary>Environment variable with a base URL that replaces every file's own download address (a local mirror).</summary>
    public const string MirrorVariable = "GENAI_DATA_MIRROR";

    /// <summary>Environment variable that, when <c>1</c>, forbids downloads (fail fast on machines without internet).</summary>
    public const string OfflineVariable = "GENAI_OFFLINE";

    /// <summary>The user's data folder (<c>GENAI_DATA_DIR</c>), or null when not set.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The cache folder downloads go to.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Whether folders of operating-system packages (<see cref="DataFile.SystemFolders"/>) are searched.</summary>
    public bool UseSystemFolders { get; init; } = true;

    /// <summary>
    /// When set, files are downloaded from <c>{MirrorUrl}/{Folder}/{Name}</c> instead of their own
    /// address (a local mirror, or a loopback server in tests).
    /// </summary>
    public Uri? MirrorUrl { get; init; }

    /// <summary>Whether a missing file may be downloaded.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>How data is fetched over HTTP (tests may inject a handler).</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>How often a download that broke off mid-file is resumed before giving up.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>A download that receives nothing for this long counts as broken off.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A resolver configured from the environment variables and the platform's cache folder.</summary>
    public static DataFileResolver FromEnvironment()
    {
        var dataDir = Environment.GetEnvironmentVariable(DataDirVariable);
        var mirror = Environment.GetEnvironmentVariable(MirrorVariable);
        return new DataFileResolver
        {
            DataDirectory = string.IsNullOrWhiteSpace(dataDir) ? null : Path.GetFullPath(dataDir),
            CacheDirectory = DefaultCacheDirectory(),
            MirrorUrl = string.IsNullOrWhiteSpace(mirror) ? null : new Uri(mirror.TrimEnd('/') + "/"),
            AllowDownload = Environment.GetEnvironmentVariable(OfflineVariable) is not ("1" or "true"),
        };
    }

    /// <summary>
    /// <c>GENAI_CACHE_DIR</c> if set; on Windows <c>%LOCALAPPDATA%\genai</c>; elsewhere
    /// <c>$XDG_CACHE_HOME/genai</c> or <c>~/.cache/genai</c> (XDG Base Directory Specification).
    /// </summary>
    public static string DefaultCacheDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable(CacheDirVariable);
        if (!string.IsNullOrWhiteSpace(explicitDir)) return Path.GetFullPath(explicitDir);
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "genai");
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "genai");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "genai");
    }

    /// <summary>The path a download of <paramref name="file"/> is saved to.</summary>
    public string CachePath(DataFile file) => Path.Combine(CacheDirectory, file.Folder, file.Name);

    /// <summary>The address <paramref name="file"/> would be downloaded from, or null when there is none.</summary>
    public Uri? DownloadUrl(DataFile file) =>
        MirrorUrl is null ? file.Url
        : file.Folder.Length == 0 ? new Uri(MirrorUrl, Uri.EscapeDataString(file.Name))
        : new Uri(MirrorUrl, $"{Uri.EscapeDataString(file.Folder)}/{Uri.EscapeDataString(file.Name)}");

    /// <summary>
    /// Looks for a verified local copy without downloading. Bad cache copies are deleted on the way
    /// (they could never be used); bad copies elsewhere are listed in <see cref="DataFileLocation.Rejected"/>.
    /// </summary>
    public DataFileLocation Locate(DataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var rejected = new List<string>();
        foreach (var (source, path) in Candidates(file))
        {
            if (!File.Exists(path)) continue; // follows links: a dangling link counts as absent
            var problem = FileCheck.Problem(file, path, new HashStamps(Path.Combine(CacheDirectory, ".verified")));
            if (problem is null) return new DataFileLocation(file, source, path, rejected);
            if (source == DataSource.Cache)
            {
                rejected.Add($"{path} {problem} – aus dem Cache gelöscht");
                TryDelete(path);
            }
            else
            {
                rejected.Add($"{path} {problem} – nicht verwendet");
            }
        }
        var url = DownloadUrl(file);
        return url is null
            ? new DataFileLocation(file, DataSource.Missing, null, rejected)
            : new DataFileLocation(file, DataSource.Download, CachePath(file), rejected);
    }

    /// <summary>Returns the path of a verified copy of <paramref name="file"/>, downloading it when needed.</summary>
    /// <exception cref="DataUnavailableException">No verified copy could be found or downloaded.</exception>
    public string Resolve(DataFile file, CancellationToken cancellationToken = default) =>
        // Run on the thread pool: a notebook host may have a synchronization context that would deadlock.
        Task.Run(() => ResolveAsync(file, cancellationToken), cancellationToken).GetAwaiter().GetResult();

    /// <inheritdoc cref="Resolve"/>
    public async Task<string> ResolveAsync(DataFile file, CancellationToken cancellationToken = default)
    {
        var location = Locate(file);
        if (location.IsPresent) return location.Path!;
        var url = DownloadUrl(file);
        if (url is null)
            throw Unavailable(file, location, null, "für diese Datei ist keine Download-Adresse bekannt", null);
        if (!AllowDownload)
            throw Unavailable(file, location, url, $"Downloads sind abgeschaltet ({OfflineVariable}=1)", null);
        try
        {
            var downloader = new Downloader(Handler, MaxAttempts, IdleTimeout);
            await downloader.DownloadAsync(file, url, CachePath(file), cancellationToken).ConfigureAwait(false);
            return CachePath(file);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException
                                       or InvalidDataException or TaskCanceledException
                                  && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(file, location, url, e.Message, e);
        }
    }

    private IEnumerable<(DataSource Source, string Path)> Candidates(DataFile file)
    {
        if (DataDirectory is not null)
        {
            if (file.Folder.Length > 0) yield return (DataSource.DataDirectory, Path.Combine(DataDirectory, file.Folder, file.Name));
            yield return (DataSource.DataDirectory, Path.Combine(DataDirectory, file.Name));
        }
        yield return (DataSource.Cache, CachePath(file));
        if (UseSystemFolders)
            foreach (var folder in file.SystemFolders)
                yield return (DataSource.System, Path.Combine(folder, file.Name));
    }

    private DataUnavailableException Unavailable(DataFile file, DataFileLocation location, Uri? url, string reason, Exception? inner)
    {
        var text = new StringBuilder();
        text.Append($"Die Datei „{file.Name}“");
        if (file.Description is not null) text.Append($" ({file.Description})");
        text.Append(" ist auf diesem Rechner nicht vorhanden");
        text.Append(url is null ? $", und {reason}." : $", und der Download von {url} ist fehlgeschlagen: {reason}");
        if (url is not null && !reason.EndsWith('.')) text.Append('.');
        text.AppendLine();
        var target = DataDirectory is null
            ? $"lege sie in einen Ordner deiner Wahl, z. B. …/genai-daten/{file.Folder}/{file.Name}, "
              + $"und setze die Umgebungsvariable {DataDirVariable} auf diesen Ordner (zurzeit ist {DataDirVariable} nicht gesetzt)"
            : $"lege sie nach {Path.Combine(DataDirectory, file.Folder, file.Name)} (der Ordner aus {DataDirVariable})";
        text.Append(url is null
            ? $"So geht es weiter: Besorge die Datei und {target}."
            : $"So geht es offline: Lade die Datei auf einem Rechner mit Internet von {file.Url ?? url} herunter und {target}.");
        if (file.Hint is not null) text.Append(' ').Append(file.Hint);
        text.AppendLine();
        text.Append($"Alternativ legst du sie in den Cache: {CachePath(file)}.");
        foreach (var rejected in location.Rejected)
            text.AppendLine().Append($"Gefunden, aber unbrauchbar: {rejected}");
        return new DataUnavailableException(text.ToString(), file, inner);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
