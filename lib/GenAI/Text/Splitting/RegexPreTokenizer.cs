using System.Text.RegularExpressions;

namespace GenAI.Text.Splitting;

/// <summary>
/// A pre-tokenizer for any user pattern, run by .NET's Regex on UTF-16 text. Text that no match covers is
/// dropped, as in tiktoken. (.NET matches per UTF-16 unit, so <c>\p{L}</c> does not see letters outside the
/// BMP; the built-in GPT patterns use exact hand-written scanners instead.)
/// </summary>
internal sealed class RegexPreTokenizer : PreTokenizer
{
    private readonly Regex _regex;

    public RegexPreTokenizer(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        try
        {
            _regex = new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Das Split-Muster ist kein gültiger .NET-Regex: {e.Message}", nameof(pattern), e);
        }
        Pattern = pattern;
    }

    /// <inheritdoc/>
    public override string Pattern { get; }

    /// <inheritdoc/>
    public override void Split(ReadOnlySpan<char> text, Utf8Pieces pieces)
    {
        pieces.Clear();
        foreach (var match in _regex.EnumerateMatches(text))
            if (match.Length > 0) pieces.Append(text.Slice(match.Index, match.Length));
    }
}
