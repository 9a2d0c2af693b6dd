using System.Text;
using GenAI.Data;

namespace GenAI.Tests.Data;

public class CorpusTests
{
    private const string GutenbergBook =
        "\uFEFFThe Project Gutenberg eBook of Die Verwandlung, by Franz Kafka\r\n\r\nThis eBook is for the use of anyone anywhere.\r\n" +
        "*** START OF THE PROJECT GUTENBERG EBOOK DIE VERWANDLUNG ***\r\n\r\nDie Verwandlung\r\n\r\n" +
        "Als Gregor Samsa eines Morgens aus unruhigen Träumen erwachte.\r\n\r\n" +
        "*** END OF THE PROJECT GUTENBERG EBOOK DIE VERWANDLUNG ***\r\n\r\nSection 1. General Terms of Use\r\n";

    [Test]
    public void Gutenberg_header_and_footer_are_stripped()
    {
        Assert.That(Gutenberg.HasHeader(GutenbergBook));
        Assert.That(Gutenberg.Strip(GutenbergBook), Is.EqualTo("Die Verwandlung\n\nAls Gregor Samsa eines Morgens aus unruhigen Träumen erwachte."));
    }

    [Test]
    public void Older_Gutenberg_footers_and_texts_without_markers_are_handled()
    {
        var old = "*** START OF THIS PROJECT GUTENBERG EBOOK FAUST ***\nHabe nun, ach! Philosophie,\nEnd of the Project Gutenberg EBook of Faust\nlicence";
        Assert.That(Gutenberg.Strip(old), Is.EqualTo("Habe nun, ach! Philosophie,"));
        Assert.That(Gutenberg.HasHeader("1. Der Froschkönig"), Is.False);
        Assert.That(Gutenberg.Strip("1. Der Froschkönig\r\n\r\nIn den alten Zeiten\r\n"), Is.EqualTo("1. Der Froschkönig\n\nIn den alten Zeiten"));
    }

    [Test]
    public void The_course_text_is_embedded_German_with_umlauts()
    {
        var course = Corpus.Course(notebooksFolder: null);
        Assert.That(course.Text, Does.StartWith("# Generative KI mit C#"));
        Assert.That(course.Text, Does.Contain("Wahrscheinlichkeitsverteilung").And.Contain("größer").And.Contain("Müll"));
        Assert.That(course.Length, Is.GreaterThan(2500));
        Assert.That(course.Source, Is.EqualTo("eingebettet"));
        Assert.That(Corpus.Load("kurs").Text, Does.StartWith(course.Text));
    }

    [Test]
    public void The_course_text_picks_up_the_notebooks_markdown_but_not_their_code()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "01-b.ipynb"), """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# Kapitel B\n", "Ein Satz über Größen."]},
              {"cell_type": "code", "metadata": {}, "source": "var geheim = 42;", "outputs": [], "execution_count": null}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        File.WriteAllText(Path.Combine(folder.Path, "00-a.ipynb"), """
            {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "Kapitel A"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);

        var course = Corpus.Course(folder.Path);

        Assert.That(course.Text, Does.EndWith("Kapitel A\n\n# Kapitel B\nEin Satz über Größen."));
        Assert.That(course.Text, Does.Not.Contain("geheim"));
        Assert.That(course.Source, Does.Contain("2 Notebooks"));
    }

    [Test]
    public void A_folder_becomes_one_corpus_of_its_text_files_in_path_order()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "b"));
        File.WriteAllText(Path.Combine(folder.Path, "a.txt"), "Erster Text.\r\n");
        File.WriteAllText(Path.Combine(folder.Path, "b", "c.md"), "## Zweiter\n");
        File.WriteAllBytes(Path.Combine(folder.Path, "bild.png"), [0x89, 0x50]);
        File.WriteAllText(Path.Combine(folder.Path, "d.txt"), GutenbergBook);

        var corpus = Corpus.Load(folder.Path);

        Assert.That(corpus.Text, Is.EqualTo("Erster Text.\n\n## Zweiter\n\nDie Verwandlung\n\nAls Gregor Samsa eines Morgens aus unruhigen Träumen erwachte."));
        Assert.That(Corpus.Load(Path.Combine(folder.Path, "a.txt")).Text, Is.EqualTo("Erster Text."));
    }

    [Test]
    public void Bad_input_gets_a_clear_message()
    {
        using var folder = new TempFolder();
        var latin1 = Path.Combine(folder.Path, "latin1.txt");
        File.WriteAllBytes(latin1, Encoding.Latin1.GetBytes("Märchen"));
        Assert.That(() => Corpus.FromFile(latin1), Throws.TypeOf<InvalidDataException>().With.Message.Contains("UTF-8"));
        Assert.That(() => Corpus.Load("gibt-es-nicht"), Throws.TypeOf<FileNotFoundException>().With.Message.Contains("grimm"));
        Assert.That(() => Corpus.FromFolder(folder.Path + "/leer"), Throws.InstanceOf<IOException>());
    }

    [Test]
    public void A_named_book_is_downloaded_once_and_stripped()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer();
        var padded = GutenbergBook.Replace("Als Gregor", new string('x', 2000) + "\r\nAls Gregor");
        server.Serve("corpora/de-kafka-verwandlung.txt", Encoding.UTF8.GetBytes(padded));
        DataFiles.Resolver = new DataFileResolver { CacheDirectory = cache.Path, MirrorUrl = server.BaseUrl, UseSystemFolders = false };
        try
        {
            var book = Corpus.Load("verwandlung");
            Assert.That(book.Name, Is.EqualTo("Kafka, Die Verwandlung"));
            Assert.That(book.Text, Does.StartWith("Die Verwandlung\n\nxxx").And.EndWith("Träumen erwachte."));
            Assert.That(Corpus.Load("verwandlung").Text, Is.EqualTo(book.Text));
            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }
        finally
        {
            DataFiles.Resolver = null;
        }
    }

    [Test]
    public void An_html_error_page_is_not_accepted_as_a_book()
    {
        using var cache = new TempFolder();
        using var server = new LoopbackServer();
        server.Serve("corpora/de-goethe-faust.txt", Encoding.UTF8.GetBytes("<!DOCTYPE html><html>" + new string(' ', 2000) + "</html>"));
        var resolver = new DataFileResolver { CacheDirectory = cache.Path, MirrorUrl = server.BaseUrl, UseSystemFolders = false };
        var faust = DataCatalog.Get("faust").Files[0];

        var error = Assert.Throws<DataUnavailableException>(() => resolver.Resolve(faust));

        Assert.That(error!.Message, Does.Contain("HTML"));
        Assert.That(cache.AllFiles(), Is.Empty);
    }

    [Test]
    public void Grimm_is_embedded_and_loads_with_no_data_folder_cache_or_network()
    {
        using var cache = new TempFolder();
        DataFiles.Resolver = new DataFileResolver { CacheDirectory = cache.Path, UseSystemFolders = false, AllowDownload = false };
        try
        {
            var grimm = Corpus.Load("grimm");
            Assert.That(grimm.Name, Is.EqualTo("Grimm, Kinder- und Hausmärchen"));
            Assert.That(grimm.Text, Does.StartWith("1. Der Froschkönig oder der eiserne Heinrich\n\nIn den alten Zeiten, wo das Wünschen noch geholfen hat"));
            Assert.That(grimm.Text, Does.EndWith("der sicherste Schutz."));
            Assert.That(grimm.Source, Is.EqualTo("eingebettet: de-grimm-khm.txt"));
            Assert.That(grimm.ToString(), Is.EqualTo("Grimm, Kinder- und Hausmärchen: 1.406.541 Zeichen (eingebettet: de-grimm-khm.txt)"));
            Assert.That(cache.AllFiles(), Is.Empty, "nothing is written to the cache");
        }
        finally
        {
            DataFiles.Resolver = null;
        }
        Assert.That(DataCatalog.Get("grimm").IsEmbedded);
    }

    [Test]
    public void The_embedded_Grimm_text_is_the_shared_file_byte_for_byte()
    {
        // SHA-256 of de-grimm-khm.txt as pinned in the project's shared/data/README.md (see Embedded/de-grimm-khm.LICENSE.txt).
        using var stream = EmbeddedData.Open("de-grimm-khm.txt.gz");
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        Assert.That(bytes.Length, Is.EqualTo(1_440_096));
        Assert.That(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray())),
            Is.EqualTo("e5f7472fab6e2ebe220d95d08321e8f4f39ba22515a6825eabfcbe3e642f4144"));
    }
}
