using System.Globalization;
using System.Text;

namespace GenAI.Text;

/// <summary>Cuts text into sentences and sentences into units (words, characters, tokens), and joins units back.</summary>
internal static class TextUnits
{
    /// <summary>
    /// Sentences: a run of text ending in . ! ? … (with any closing quotes or brackets after it) followed by
    /// whitespace, or ended by a blank line. Line breaks inside a paragraph are spaces.
    /// </summary>
    public static IEnumerable<string> Sentences(string text)
    {
        int start = 0, n = text.Length;
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            if (c == '\n' && NextLineIsBlank(text, i))
            {
                if (Span(text, start, i) is { } paragraphEnd) yield return paragraphEnd;
                start = i + 1;
                continue;
            }
            if (c is not ('.' or '!' or '?' or '…')) continue;
            int end = i + 1;
            while (end < n && text[end] is '.' or '!' or '?' or '…' or '«' or '»' or '“' or '”' or '"' or '\'' or ')' or '’') end++;
            if (end < n && !char.IsWhiteSpace(text[end])) continue;
            if (Span(text, start, end) is { } sentence) yield return sentence;
            start = end;
            i = end - 1;
        }
        if (Span(text, start, n) is { } last) yield return last;
    }

    private static bool NextLineIsBlank(string text, int newline)
    {
        for (int j = newline + 1; j < text.Length; j++)
        {
            if (text[j] == '\n') return true;
            if (!char.IsWhiteSpace(text[j])) return false;
        }
        return true;
    }

    private static string? Span(string text, int start, int end)
    {
        var s = text.AsSpan(start, end - start).Trim();
        return s.IsEmpty ? null : s.ToString();
    }

    /// <summary>Words and punctuation: letters/digits (with inner apostrophes and hyphens: bist's, Schnee-Weißchen) or one other character.</summary>
    public static void Words(string sentence, List<string> output)
    {
        var s = sentence.AsSpan();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (IsWordChar(s, i))
            {
                i += CharLength(s, i);
                while (i < s.Length)
                {
                    if (IsWordChar(s, i)) i += CharLength(s, i);
                    else if (s[i] is '\'' or '’' or '-' && i + 1 < s.Length && IsWordChar(s, i + 1)) i++;
                    else break;
                }
            }
            else
            {
                i += CharLength(s, i);
            }
            output.Add(s[start..i].ToString());
        }
    }

    private static int CharLength(ReadOnlySpan<char> s, int i) => char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;

    private static bool IsWordChar(ReadOnlySpan<char> s, int i)
    {
        var category = char.IsHighSurrogate(s[i]) && i + 1 < s.Length
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(s[i], s[i + 1]))
            : CharUnicodeInfo.GetUnicodeCategory(s[i]);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
            or UnicodeCategory.OtherNumber;
    }

    /// <summary>User-perceived characters (text elements).</summary>
    public static void Characters(string sentence, List<string> output)
    {
        var e = StringInfo.GetTextElementEnumerator(sentence);
        while (e.MoveNext()) output.Add((string)e.Current);
    }

    /// <summary>Tokens of <paramref name="tokenizer"/>, each as its bytes in Latin-1 (one char per byte: lossless, joinable).</summary>
    public static void Tokens(string sentence, ITokenizer tokenizer, List<string> output)
    {
        foreach (int id in tokenizer.Encode(sentence)) output.Add(Encoding.Latin1.GetString(tokenizer.TokenBytes(id)));
    }

    /// <summary>Joins units back into text.</summary>
    public static string Join(IReadOnlyList<string> units, MarkovUnit unit)
    {
        switch (unit)
        {
            case MarkovUnit.Characters:
                return string.Concat(units);
            case MarkovUnit.Tokens:
                return Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(string.Concat(units)));
        }
        var sb = new StringBuilder();
        bool openQuote = false;     // inside "…" the next " closes
        bool noSpaceNext = true;
        foreach (var word in units)
        {
            bool attachLeft = word is "." or "," or ";" or ":" or "!" or "?" or ")" or "]" or "…" or "«" or "“" or "’" or "'"
                || (word == "\"" && openQuote);
            if (sb.Length > 0 && !attachLeft && !noSpaceNext) sb.Append(' ');
            sb.Append(word);
            if (word == "\"") openQuote = !openQuote;
            noSpaceNext = word is "(" or "[" or "»" or "„" or "‘" || (word == "\"" && openQuote);
        }
        return sb.ToString();
    }

    /// <summary>A unit as the learner should see it in a table (token bytes made readable).</summary>
    public static string Display(string unit, MarkovUnit kind) =>
        kind == MarkovUnit.Tokens ? BpeTokenizer.Readable(Encoding.Latin1.GetBytes(unit)) : unit;
}
