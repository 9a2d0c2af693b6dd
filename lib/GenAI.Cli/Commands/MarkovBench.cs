namespace GenAI.Cli.Commands;

internal static class MarkovBench
{
    public static void Run(IReadOnlyList<string> documents, int runs) { }
}
