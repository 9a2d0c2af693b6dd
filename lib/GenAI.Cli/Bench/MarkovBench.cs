using System.Diagnostics;
using System.Globalization;
using System.Text;
using GenAI.Text;

namespace GenAI.Cli.Bench;

/// <summary>Part of <c>genai bench text</c>: markovify's two numbers (build time for 5 MB at order 2, checked sentences/s).</summary>
internal static class MarkovBench
{
    // Measured with markovify on this machine (issue 5): 3.4 s to build order 2 from 5 MB, 28 novelty-checked sentences/s.
    private const double MarkovifyBuildSeconds = 3.4, MarkovifySentencesPerSecond = 28;

    public static void Run(IReadOnlyList<string> documents, int runs)
    {
        // 5 MB of prose: the German and English documents (code has no sentences worth the name).
        var prose = new StringBuilder();
        foreach (var d in documents.Where(d => !d.Contains("namespace ", StringComparison.Ordinal)))
        {
            if (Encoding.UTF8.GetByteCount(prose.ToString()) >= 5_000_000) break;
            prose.Append(d).Append("\n\n");
        }
        var text = prose.ToString();
        double megabytes = Encoding.UTF8.GetByteCount(text) / 1e6;
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci, $"Markov-Kette: Ordnung 2 über Wörter, {megabytes:0.0} MB Prosa (Deutsch + Englisch), Median aus {runs} Läufen."));

        MarkovChain? chain = null;
        var (cpu, wall) = BenchSupport.Time(runs, () => chain = MarkovChain.Train(text, order: 2));
        double build = BenchSupport.Median(cpu);
        Console.WriteLine(string.Create(ci,
            $"  Aufbau:        {build,6:0.00} s CPU ({BenchSupport.Median(wall):0.00} s Uhr; {chain!.StateCount:N0} Zustände)   "
            + $"markovify: {MarkovifyBuildSeconds} s -> Faktor {MarkovifyBuildSeconds / build:0.0}x   Ziel < 1 s"));

        var random = new Random(1);
        chain.MakeSentence(random); // builds the novelty index once
        var rates = new List<double>();
        var wallRates = new List<double>();
        int rejected = 0;
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < runs; r++)
        {
            int made = 0;
            process.Refresh();
            var before = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            while (made < 2000)
            {
                if (chain.MakeSentence(random, tries: 1) is null) rejected++;
                else made++;
            }
            wallRates.Add(made / watch.Elapsed.TotalSeconds);
            process.Refresh();
            rates.Add(made / (process.TotalProcessorTime - before).TotalSeconds);
        }
        double rate = BenchSupport.Median(rates);
        Console.WriteLine(string.Create(ci,
            $"  Sätze:         {rate,6:0} geprüfte neue Sätze/s CPU ({BenchSupport.Median(wallRates):0}/s Uhr; je ein Versuch, {rejected} verworfen)   "
            + $"markovify: {MarkovifySentencesPerSecond}/s -> Faktor {rate / MarkovifySentencesPerSecond:0}x   Ziel >= 1000/s"));
        Console.WriteLine("  (markovify ist hier nicht installierbar; seine Zahlen stammen aus Issue 5, gemessen auf diesem Rechner.)");
        Console.WriteLine("  Beispiel: " + (chain.MakeSentence(new Random(42)) ?? "(kein neuer Satz in 10 Versuchen)"));
    }
}
