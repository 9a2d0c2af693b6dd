using System.Text;
using GenAI.Cli.Commands;
using GenAI.Data;

namespace GenAI.Tests.Data;

public class DataCommandTests
{
    [Test]
    public void The_list_shows_every_entry_with_presence_and_source()
    {
        using var cache = new TempFolder();
        using var data = new TempFolder();
        Directory.CreateDirectory(Path.Combine(data.Path, "corpora"));
        File.WriteAllText(Path.Combine(data.Path, "corpora", "de-goethe-faust.txt"), string.Concat(Enumerable.Repeat("Habe nun, ach! ", 100)));
        var resolver = new DataFileResolver { CacheDirectory = cache.Path, DataDirectory = data.Path, UseSystemFolders = false };

        var table = DataTable.Render(resolver, DataCatalog.All);
        var rows = table.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        string Row(string name) => rows.Single(r => r.StartsWith(name + " ", StringComparison.Ordinal));

        Assert.That(rows[0], Is.EqualTo($"Datenordner (GENAI_DATA_DIR): {data.Path}"));
        Assert.That(Row("faust"), Does.Match(@"^faust\s+ja\s+Datenordner\s+Goethe, Faust I"));
        Assert.That(Row("grimm"), Does.Match(@"^grimm\s+ja\s+eingebettet\s+Brüder Grimm"));
        Assert.That(Row("mnist"), Does.Match(@"^mnist\s+nein\s+Download von storage\.googleapis\.com\s+Handgeschriebene"));
        Assert.That(Row("fashion-mnist"), Does.Match(@"^fashion-mnist\s+nein\s+Download von raw\.githubusercontent\.com"));
        Assert.That(Row("digits"), Does.Match(@"^digits\s+ja\s+eingebettet"));
        Assert.That(Row("kurs"), Does.Match(@"^kurs\s+ja\s+eingebettet"));
        Assert.That(Row("cl100k_base"), Does.Match(@"^cl100k_base\s+nein\s+Download von openaipublic\.blob\.core\.windows\.net"));
        foreach (var entry in DataCatalog.All) Assert.That(rows.Count(r => r.StartsWith(entry.Name + " ", StringComparison.Ordinal)), Is.EqualTo(1));
        // Columns line up: every row's presence column starts at the same offset.
        var header = rows.Single(r => r.StartsWith("NAME", StringComparison.Ordinal));
        Assert.That(Row("verwandlung").IndexOf("nein", StringComparison.Ordinal), Is.EqualTo(header.IndexOf("VORHANDEN", StringComparison.Ordinal)));
    }

    [Test]
    public void Fetch_downloads_into_the_cache_and_unknown_names_list_the_known_ones()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer();
        server.Serve("corpora/de-kafka-verwandlung.txt", Encoding.UTF8.GetBytes(new string('a', 5000)));
        var previous = (Console.Out, Console.Error);
        DataFiles.Resolver = new DataFileResolver { CacheDirectory = cache.Path, MirrorUrl = server.BaseUrl, UseSystemFolders = false };
        var output = new StringWriter();
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            var command = new DataCommand().Build();
            Assert.That(command.Parse(["fetch", "verwandlung"]).Invoke(), Is.EqualTo(0));
            Assert.That(command.Parse(["fetch", "gibt-es-nicht"]).Invoke(), Is.EqualTo(2));
        }
        finally
        {
            DataFiles.Resolver = null;
            Console.SetOut(previous.Out);
            Console.SetError(previous.Error);
        }
        var expected = Path.Combine(cache.Path, "corpora", "de-kafka-verwandlung.txt");
        Assert.That(File.Exists(expected));
        Assert.That(output.ToString(), Does.Contain($"vorhanden: {expected}"));
        Assert.That(output.ToString(), Does.Contain("Unbekannter Datensatz „gibt-es-nicht“. Bekannt sind: fashion-mnist, mnist, digits"));
    }

    [Test]
    public void Fetch_all_gets_what_it_can_and_names_what_failed()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer();
        server.Serve("corpora/de-goethe-faust.txt", Encoding.UTF8.GetBytes(new string('b', 5000)));
        var previous = (Console.Out, Console.Error);
        DataFiles.Resolver = new DataFileResolver { CacheDirectory = cache.Path, MirrorUrl = server.BaseUrl, UseSystemFolders = false };
        var output = new StringWriter();
        Console.SetOut(output);
        Console.SetError(output);
        int exit;
        try
        {
            exit = new DataCommand().Build().Parse(["fetch", "all"]).Invoke();
        }
        finally
        {
            DataFiles.Resolver = null;
            Console.SetOut(previous.Out);
            Console.SetError(previous.Error);
        }
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(File.Exists(Path.Combine(cache.Path, "corpora", "de-goethe-faust.txt")));
        Assert.That(output.ToString(), Does.Contain("faust: vorhanden"));
        Assert.That(output.ToString(), Does.Contain("mnist: Die Datei „train-images-idx3-ubyte.gz“").And.Contain("404"));
        Assert.That(output.ToString(), Does.Contain("Nicht geladen: fashion-mnist, mnist, verwandlung, shakespeare, r50k_base"));
        Assert.That(server.Requests, Has.Some.Contains("GET /cl100k_base.tiktoken "), "files without a folder come from the mirror's root");
    }
}
