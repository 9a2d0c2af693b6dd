using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using GenAI.Data;
using GenAI.Display;

namespace GenAI.Tests.Data;

public class DataFileResolverTests
{
    private static readonly byte[] Payload = MakePayload(300_000);

    private static byte[] MakePayload(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static DataFile PayloadFile(string? sha256 = null) =>
        new("payload.bin", "test", new Uri("https://example.invalid/payload.bin"),
            sha256 ?? Convert.ToHexStringLower(SHA256.HashData(Payload)), Payload.Length)
        { Description = "Testdaten" };

    private static DataFileResolver Resolver(TempFolder cache, LoopbackServer? server, string? dataDir = null) => new()
    {
        CacheDirectory = cache.Path,
        DataDirectory = dataDir,
        MirrorUrl = server?.BaseUrl,
        UseSystemFolders = false,
        IdleTimeout = TimeSpan.FromSeconds(10),
    };

    [Test]
    public void Download_lands_in_the_cache_and_the_second_call_does_not_touch_the_network()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer();
        server.Serve("test/payload.bin", Payload);
        var resolver = Resolver(cache, server);

        var first = resolver.Resolve(PayloadFile());
        var second = resolver.Resolve(PayloadFile());

        Assert.That(File.ReadAllBytes(first), Is.EqualTo(Payload));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Is.EqualTo(Path.Combine(cache.Path, "test", "payload.bin")));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
        Assert.That(cache.AllFiles(), Is.EqualTo(new[] { first }), "no temp files left behind");
        Assert.That(resolver.Locate(PayloadFile()).Source, Is.EqualTo(DataSource.Cache));
    }

    [Test]
    public void Checksum_mismatch_is_rejected_and_leaves_the_cache_clean()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer();
        server.Serve("test/payload.bin", Payload);
        var wrongHash = new string('0', 64);

        var error = Assert.Throws<DataUnavailableException>(() => Resolver(cache, server).Resolve(PayloadFile(wrongHash)));

        Assert.That(error!.Message, Does.Contain("SHA-256"));
        Assert.That(error.Message, Does.Contain(wrongHash));
        Assert.That(cache.AllFiles(), Is.Empty);
    }

    [Test]
    public void A_connection_that_keeps_dropping_mid_file_leaves_no_file_behind()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer { Drop = (100_000, int.MaxValue), HonourRange = false };
        server.Serve("test/payload.bin", Payload);

        var error = Assert.Throws<DataUnavailableException>(() => Resolver(cache, server).Resolve(PayloadFile()));

        TestContext.Out.WriteLine(error!.Message);
        Assert.That(error.Message, Does.Contain("payload.bin"));
        Assert.That(cache.AllFiles(), Is.Empty);
        Assert.That(server.Requests.Count, Is.GreaterThan(1), "a transfer that made progress is retried");
    }

    [Test]
    public void A_stalled_connection_times_out_instead_of_hanging()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer { StallAfter = 50_000 };
        server.Serve("test/payload.bin", Payload);
        var resolver = new DataFileResolver
        {
            CacheDirectory = cache.Path, MirrorUrl = server.BaseUrl, UseSystemFolders = false,
            IdleTimeout = TimeSpan.FromMilliseconds(500), MaxAttempts = 2,
        };

        var error = Assert.Throws<DataUnavailableException>(() => resolver.Resolve(PayloadFile()));

        Assert.That(error!.Message, Does.Contain("kamen keine Daten"));
        Assert.That(server.Requests, Has.Count.EqualTo(2), "the stalled transfer made progress, so it was resumed once");
        Assert.That(server.Requests[1], Does.EndWith("Range 50000-"));
        Assert.That(cache.AllFiles(), Is.Empty);
    }

    [Test]
    public void A_dropped_download_resumes_with_a_range_request()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer { Drop = (120_000, 1) };
        server.Serve("test/payload.bin", Payload);

        var path = Resolver(cache, server).Resolve(PayloadFile());

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Payload));
        Assert.That(server.Requests, Has.Count.EqualTo(2));
        Assert.That(server.Requests[1], Does.EndWith("Range 120000-"));
    }

    [Test]
    public void A_server_that_ignores_the_range_gets_a_clean_restart()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer { Drop = (120_000, 1), HonourRange = false };
        server.Serve("test/payload.bin", Payload);

        var path = Resolver(cache, server).Resolve(PayloadFile());

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Payload));
        Assert.That(server.Requests[1], Does.EndWith("Range 120000-"), "it asked to resume");
    }

    [Test]
    public void A_corrupt_cache_file_is_replaced_not_used()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer();
        server.Serve("test/payload.bin", Payload);
        var cached = Path.Combine(cache.Path, "test", "payload.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.WriteAllBytes(cached, Payload.AsSpan(0, 1000).ToArray()); // a truncated earlier download

        var path = Resolver(cache, server).Resolve(PayloadFile());

        Assert.That(path, Is.EqualTo(cached));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Payload));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Offline_error_names_the_file_the_url_and_GENAI_DATA_DIR()
    {
        using var cache = new TempFolder();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        int port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more: connection refused, as offline
        var resolver = new DataFileResolver
        {
            CacheDirectory = cache.Path,
            MirrorUrl = new Uri($"http://127.0.0.1:{port}/"),
            UseSystemFolders = false,
        };

        var error = Assert.Throws<DataUnavailableException>(() => resolver.Resolve(PayloadFile()));

        TestContext.Out.WriteLine(error!.Message);
        Assert.That(error.Message, Does.Contain("„payload.bin“"));
        Assert.That(error.Message, Does.Contain($"http://127.0.0.1:{port}/test/payload.bin"));
        Assert.That(error.Message, Does.Contain("GENAI_DATA_DIR"));
        Assert.That(error.Message, Does.Contain("https://example.invalid/payload.bin"), "the official address to fetch by hand");
        Assert.That(error.File.Name, Is.EqualTo("payload.bin"));
        Assert.That(cache.AllFiles(), Is.Empty);
    }

    [Test]
    public void The_data_folder_wins_over_the_cache_and_a_bad_copy_there_is_skipped_but_kept()
    {
        using var cache = new TempFolder();
        using var data = new TempFolder();
        var good = Path.Combine(data.Path, "test", "payload.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(good)!);
        File.WriteAllBytes(good, Payload);
        var bad = Path.Combine(data.Path, "payload.bin");
        File.WriteAllBytes(bad, [1, 2, 3]);
        var resolver = Resolver(cache, null, data.Path);

        Assert.That(resolver.Resolve(PayloadFile()), Is.EqualTo(good));

        File.Delete(good);
        var location = resolver.Locate(PayloadFile());
        Assert.That(location.Source, Is.EqualTo(DataSource.Download));
        Assert.That(location.Rejected.Single(), Does.Contain(bad).And.Contain("nicht verwendet"));
        Assert.That(File.Exists(bad), "a user's file is never deleted");
    }

    [Test]
    public void A_symbolic_link_in_the_data_folder_is_checked_by_its_target()
    {
        using var cache = new TempFolder();
        using var data = new TempFolder();
        using var shared = new TempFolder();
        var real = Path.Combine(shared.Path, "payload.bin");
        File.WriteAllBytes(real, Payload);
        var link = Path.Combine(data.Path, "payload.bin");
        try { File.CreateSymbolicLink(link, real); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Assert.Ignore($"cannot create symbolic links here: {e.Message}"); }

        Assert.That(Resolver(cache, null, data.Path).Resolve(PayloadFile()), Is.EqualTo(link));
    }

    [Test]
    public void A_verified_hash_is_remembered_across_processes_only_while_the_file_is_unchanged()
    {
        using var cache = new TempFolder();
        using var data = new TempFolder();
        var path = Path.Combine(data.Path, "payload.bin");
        File.WriteAllBytes(path, Payload);
        var resolver = Resolver(cache, null, data.Path);
        Assert.That(resolver.Resolve(PayloadFile()), Is.EqualTo(path));
        var stamp = Directory.GetFiles(Path.Combine(cache.Path, ".verified")).Single();
        Assert.That(File.ReadAllText(stamp), Does.EndWith(PayloadFile().Sha256!));

        // A "new process" trusts the stamp while length and write time match: a forged stamp proves it is read.
        File.WriteAllText(stamp, File.ReadAllText(stamp).Replace(PayloadFile().Sha256!, new string('f', 64)));
        FileCheck.ForgetHashes();
        Assert.That(resolver.Locate(PayloadFile()).Source, Is.EqualTo(DataSource.Download));

        // Once the file is touched, the stamp no longer applies and the file is hashed again.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        FileCheck.ForgetHashes();
        Assert.That(resolver.Locate(PayloadFile()).Source, Is.EqualTo(DataSource.DataDirectory));
    }

    [Test]
    public void Downloads_report_progress_up_to_the_file_size()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer();
        server.Serve("test/payload.bin", Payload);
        var reports = new List<(string Label, double Current, double? Total)>();
        var previous = Progress.Factory;
        Progress.Factory = label => new RecordingView(label, reports);
        try
        {
            Resolver(cache, server).Resolve(PayloadFile());
        }
        finally
        {
            Progress.Factory = previous;
        }
        Assert.That(reports, Is.Not.Empty);
        Assert.That(reports[^1].Label, Does.Contain("payload.bin"));
        Assert.That(reports[^1].Current, Is.EqualTo(Payload.Length / 1e6).Within(1e-9));
        Assert.That(reports[^1].Total, Is.EqualTo(Payload.Length / 1e6).Within(1e-9));
    }

    [Test]
    public void Downloads_can_be_switched_off()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer();
        server.Serve("test/payload.bin", Payload);
        var resolver = new DataFileResolver { CacheDirectory = cache.Path, MirrorUrl = server.BaseUrl, AllowDownload = false };

        var error = Assert.Throws<DataUnavailableException>(() => resolver.Resolve(PayloadFile()));

        Assert.That(error!.Message, Does.Contain("GENAI_OFFLINE"));
        Assert.That(server.Requests, Is.Empty);
    }

    private sealed class RecordingView(string label, List<(string, double, double?)> reports) : IProgressView
    {
        public void Report(double current, double? total = null, string? detail = null)
        {
            lock (reports) reports.Add((label, current, total));
        }

        public void Dispose() { }
    }
}
