using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GenAI.Text;

namespace GenAI.Cli.Bench;

/// <summary>
/// <c>genai bench text</c>: tokenizer speed per encoding (MB/s, tokens/s) against Microsoft.ML.Tokenizers (in process),
/// tiktoken (WASM build of its Rust core) and gpt-tokenizer (pure JS) on the same ~10 MB of German, English and C#; Markov build time and novelty-checked
/// sentences per second.
/// </summary>
public sealed class BenchTextCommand : IBenchCommand
{
    private static readonly string[] DefaultEncodings = ["r50k_base", "cl100k_base", "o200k_base"];

    /// <inheritdoc/>
    public Command Build()
    {
        var size = new Option<double>("--size-mb") { Description = "Megabytes of text to tokenize.", DefaultValueFactory = _ => 10 };
        var repeat = new Option<int>("--repeat") { Description = "Timed repetitions (the median is reported).", DefaultValueFactory = _ => 3 };
        var noNode = new Option<bool>("--no-node") { Description = "Skip the JavaScript references." };
        var command = new Command("text", "Tokenizer MB/s vs tiktoken/gpt-tokenizer, Markov build time and sentences/s.") { size, repeat, noNode };
        command.SetAction(result =>
        {
            var documents = BenchCorpus.Documents((long)(result.GetValue(size) * 1_000_000));
            if (documents.Count == 0)
            {
                Console.Error.WriteLine(
                    $"Keine Texte gefunden: setze {CourseInfo.DataDirVariable} auf einen Ordner mit de-grimm-khm.txt und en-tinyshakespeare.txt "
                    + "(bash .ci/run).");
                return 1;
            }
            int runs = Math.Max(1, result.GetValue(repeat));
            TokenizerBench(documents, runs, !result.GetValue(noNode));
            MarkovBench.Run(documents, runs);
            return 0;
        });
        return command;
    }

    private static void TokenizerBench(IReadOnlyList<string> documents, int runs, bool useNode)
    {
        long bytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
        Console.WriteLine($"Tokenizer: {bytes / 1e6:0.0} MB in {documents.Count} Dokumenten (Deutsch, Englisch, C#), Median aus {runs} Läufen, ein Thread.");
        Console.WriteLine("Gemessen wird die CPU-Zeit des Prozesses (bei geteilten Kernen stabiler als die Uhrzeit; auf einem freien Rechner gleich);");
        Console.WriteLine("MB/s (Uhr) zeigt zum Vergleich die Wanduhr. Die Zahlen schwanken, die Faktoren sind aussagekräftiger.");
        Console.WriteLine();
        Console.WriteLine($"{"Kodierung",-12} {"Implementierung",-26} {"MB/s",8} {"Mio. Tokens/s",14} {"MB/s (Uhr)",11} {"Tokens",10} {"Faktor",8}");
        var modules = useNode ? BenchSupport.NodeModules() : null;
        if (useNode && modules is null)
            Console.WriteLine("(node-Referenzen übersprungen: artifacts/ci/npm/node_modules fehlt – "
                + "bash .ci/run installiert tiktoken und gpt-tokenizer; oder GENAI_NODE_MODULES setzen)");
        foreach (var name in DefaultEncodings)
        {
            TiktokenEncoding encoding;
            try { encoding = TiktokenEncoding.Get(name); }
            catch (Exception e) when (e is IOException or GenAI.Data.DataUnavailableException or InvalidDataException)
            {
                Console.WriteLine($"{name,-12} übersprungen: {e.Message}");
                continue;
            }
            long tokens = 0;
            var (cpu, wall) = BenchSupport.Time(runs, () =>
            {
                long count = 0;
                foreach (var d in documents) count += encoding.CountTokens(d, SpecialTokens.None, SpecialTokens.None);
                tokens = count;
            });
            double ours = BenchSupport.Median(cpu);
            Print(name, "GenAI.Text (C#)", bytes, tokens, ours, BenchSupport.Median(wall), null);
            MlTokenizersReference(name, documents, runs, bytes, tokens, ours);
            if (modules is null) continue;
            foreach (var reference in new[] { "tiktoken", "gpt-tokenizer" })
            {
                var (refCpu, refWall, refTokens) = NodeReference.Time(reference, name, documents, runs, modules);
                if (refCpu is null) continue;
                string label = reference == "tiktoken" ? "tiktoken 1.0.22 (WASM)" : "gpt-tokenizer 4.0 (JS)";
                Print(name, label, bytes, refTokens, refCpu.Value, refWall!.Value, refCpu.Value / ours);
                if (refTokens != tokens) Console.WriteLine($"  ACHTUNG: {label} zählt {refTokens} Tokens, wir {tokens}.");
            }
        }
        Console.WriteLine("Faktor = Zeit der Referenz / Zeit von GenAI.Text (> 1: wir sind schneller).");
        Console.WriteLine();
    }

    // Microsoft.ML.Tokenizers in this process: same rank files (its NuGet data packages), same documents, same clock.
    // Measured difference: ML.Tokenizers cuts the text at special-token strings such as "<|endoftext|>" even when it
    // encodes them as ordinary text, so ' "<|endoftext|>"' becomes ' "' + '<|...' instead of tiktoken's encode_ordinary
    // pieces ' "<' + '|...'. Our ids are tiktoken's (TiktokenDifferentialTests); documents quoting special tokens
    // (the C# sources here) therefore differ by a few tokens. Ids are compared on the first 20 documents.
    private static void MlTokenizersReference(string name, IReadOnlyList<string> documents, int runs, long bytes, long ourTokens, double ours)
    {
        var reference = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForEncoding(name);
        long tokens = 0;
        var (cpu, wall) = BenchSupport.Time(runs, () =>
        {
            long count = 0;
            foreach (var d in documents) count += reference.CountTokens(d);
            tokens = count;
        });
        double median = BenchSupport.Median(cpu);
        Print(name, "Microsoft.ML.Tokenizers 3.0", bytes, tokens, median, BenchSupport.Median(wall), median / ours);
        var encoding = TiktokenEncoding.Get(name);
        int differing = documents.Take(20).Count(d =>
            !encoding.Encode(d, SpecialTokens.None, SpecialTokens.None).AsSpan().SequenceEqual(reference.EncodeToIds(d).ToArray()));
        if (tokens != ourTokens || differing > 0)
            Console.WriteLine($"  Hinweis: ML.Tokenizers zählt {tokens} Tokens, wir {ourTokens}; {differing} der ersten 20 Dokumente mit anderen Ids " +
                              "(ML.Tokenizers trennt Text an Spezial-Token-Zeichenketten wie <|endoftext|> auch dann, " +
                              "wenn es sie als gewöhnlichen Text kodiert; tiktoken nicht).");
    }

    private static void Print(string encoding, string implementation, long bytes, long tokens, double cpuSeconds, double wallSeconds, double? factor)
    {
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci,
            $"{encoding,-12} {implementation,-26} {bytes / 1e6 / cpuSeconds,8:0.00} {tokens / 1e6 / cpuSeconds,14:0.00} {bytes / 1e6 / wallSeconds,11:0.00} "
            + $"{tokens,10} {(factor is null ? "" : factor.Value.ToString("0.0x", ci)),8}"));
    }
}

/// <summary>The benchmark text: the shared corpora and the repository's own sources, cut into documents, cycled to size.</summary>
internal static class BenchCorpus
{
    public static List<string> Documents(long targetBytes)
    {
        var sources = new List<string>();
        var dataDir = Environment.GetEnvironmentVariable(CourseInfo.DataDirVariable);
        foreach (var file in new[] { "de-grimm-khm.txt", "en-tinyshakespeare.txt" })
        {
            var path = string.IsNullOrEmpty(dataDir) ? null : Path.Combine(dataDir, file);
            if (path is not null && File.Exists(path)) sources.Add(File.ReadAllText(path));
        }
        var root = BenchSupport.RepositoryRoot();
        if (root is not null)
        {
            var code = new StringBuilder();
            foreach (var folder in new[] { "lib", "tests" })
            {
                var dir = Path.Combine(root, folder);
                if (!Directory.Exists(dir)) continue;
                foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    code.Append(File.ReadAllText(file)).Append('\n');
            }
            if (code.Length > 0) sources.Add(code.ToString());
        }
        // Documents of about 64 KB, cut at line ends, taken round-robin from the sources until the target size.
        var chunks = sources.Select(Chunk).ToList();
        var documents = new List<string>();
        long total = 0;
        for (int i = 0; total < targetBytes && chunks.Count > 0; i++)
        {
            foreach (var list in chunks)
            {
                var chunk = list[i % list.Count];
                documents.Add(chunk);
                total += Encoding.UTF8.GetByteCount(chunk);
                if (total >= targetBytes) break;
            }
        }
        return documents;
    }

    private static List<string> Chunk(string text)
    {
        var chunks = new List<string>();
        for (int start = 0; start < text.Length;)
        {
            int end = Math.Min(text.Length, start + 65536);
            if (end < text.Length)
            {
                int newline = text.LastIndexOf('\n', end - 1, end - start);
                if (newline > start) end = newline + 1;
            }
            chunks.Add(text[start..end]);
            start = end;
        }
        return chunks;
    }
}

/// <summary>Times a JavaScript tokenizer under node on the same documents.</summary>
internal static class NodeReference
{
    private const string Script = """
        const path = require('path');
        const modules = process.env.GENAI_NODE_MODULES;
        let input = '';
        process.stdin.setEncoding('utf8');
        process.stdin.on('data', d => { input += d; });
        process.stdin.on('end', () => {
          const request = JSON.parse(input);
          let encode, free = () => {};
          if (request.library === 'tiktoken') {
            const enc = require(path.join(modules, 'tiktoken')).get_encoding(request.encoding);
            encode = t => enc.encode_ordinary(t).length;
            free = () => enc.free();
          } else {
            const name = request.encoding === 'r50k_base' ? 'r50k_base' : request.encoding;
            const lib = require(path.join(modules, 'gpt-tokenizer', 'cjs', 'encoding', name + '.js'));
            encode = t => lib.encode(t, { disallowedSpecial: new Set() }).length;
          }
          let tokens = 0;
          for (const t of request.texts) tokens += encode(t); // warm-up
          const seconds = [], cpu = [];
          for (let r = 0; r < request.repeat; r++) {
            const start = process.hrtime.bigint(), usage = process.cpuUsage();
            for (const t of request.texts) encode(t);
            seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
            const used = process.cpuUsage(usage);
            cpu.push((used.user + used.system) / 1e6);
          }
          free();
          process.stdout.write(JSON.stringify({ seconds, cpu, tokens }));
        });
        """;

    public static (double? Cpu, double? Wall, long Tokens) Time(string library, string encoding, IReadOnlyList<string> texts, int repeat, string modules)
    {
        if (!Directory.Exists(Path.Combine(modules, library))) return (null, null, 0);
        if (library == "gpt-tokenizer" && !File.Exists(Path.Combine(modules, library, "cjs", "encoding", encoding + ".js"))) return (null, null, 0);
        var scriptPath = Path.Combine(Path.GetTempPath(), $"genai-bench-{Environment.ProcessId}.cjs");
        File.WriteAllText(scriptPath, Script);
        try
        {
            var request = JsonSerializer.Serialize(new { library, encoding, texts, repeat });
            var output = BenchSupport.Run("node", [scriptPath], request, new Dictionary<string, string> { ["GENAI_NODE_MODULES"] = modules });
            if (output is null) return (null, null, 0);
            using var doc = JsonDocument.Parse(output);
            double Median(string property) => BenchSupport.Median(doc.RootElement.GetProperty(property).EnumerateArray().Select(e => e.GetDouble()));
            return (Median("cpu"), Median("seconds"), doc.RootElement.GetProperty("tokens").GetInt64());
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }
}
