using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GenAI.Kernel;

/// <summary>
/// Inputs (and text results) of this kernel session, answering history_request's tail, range and
/// search (messaging.rst "History"). Entries are <c>[session, line, input]</c> or
/// <c>[session, line, [input, output]]</c>; this process is session 1.
/// </summary>
public sealed class ExecutionHistory
{
    /// <summary>The session number we report; requests for session ≤ 0 mean "the current one" as in IPython.</summary>
    public const int CurrentSession = 1;

    private readonly List<(int Line, string Input, string? Output)> _entries = [];

    /// <summary>Records one executed cell.</summary>
    public void Add(int line, string input, string? output)
    {
        lock (_entries) _entries.Add((line, input, output));
    }

    /// <summary>Answers a history request.</summary>
    public JsonArray Query(string accessType, bool output, int session, int start, int stop, int n, string pattern, bool unique)
    {
        List<(int Line, string Input, string? Output)> entries;
        lock (_entries) entries = [.. _entries];
        IEnumerable<(int Line, string Input, string? Output)> selected = accessType switch
        {
            "range" => session is CurrentSession or <= 0 ? entries.Where(e => e.Line >= start && e.Line < stop) : [],
            "search" => Search(entries, pattern, unique, n),
            _ => entries.Skip(Math.Max(0, entries.Count - n)),
        };
        var result = new JsonArray();
        foreach (var (line, input, text) in selected)
            result.Add(new JsonArray(CurrentSession, line, output ? new JsonArray(input, text) : JsonValue.Create(input)));
        return result;
    }

    private static IEnumerable<(int, string, string?)> Search(List<(int Line, string Input, string? Output)> entries, string pattern, bool unique, int n)
    {
        // IPython's search patterns are globs: * any run, ? one character.
        var glob = Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal);
        var regex = new Regex("^" + glob + "$", RegexOptions.Singleline);
        var matches = entries.Where(e => regex.IsMatch(e.Input)).ToList();
        if (unique) matches = [.. matches.GroupBy(e => e.Input).Select(g => g.Last()).OrderBy(e => e.Line)];
        return n > 0 ? matches.Skip(Math.Max(0, matches.Count - n)) : matches;
    }
}
