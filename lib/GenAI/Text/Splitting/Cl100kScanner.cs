using static GenAI.Text.UnicodeClasses;

namespace GenAI.Text.Splitting;

/// <summary>
/// <see cref="SplitPatterns.Cl100k"/> as a scanner:
/// <c>'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s</c>.
/// </summary>
internal sealed class Cl100kScanner : ScannerPreTokenizer
{
    public static readonly Cl100kScanner Instance = new();

    public override string Pattern => SplitPatterns.Cl100k;

    public override int NextEnd(ReadOnlySpan<byte> s, int p)
    {
        int n = s.Length;
        if (s[p] == '\'' && p + 1 < n)
        {
            int e = Contractions.CaseInsensitiveEnd(s, p + 1);
            if (e > 0) return e;
        }
        var c = At(s, p, out int len);
        // [^\r\n\p{L}\p{N}]?+\p{L}++ : a letter run, optionally led by one non-letter, non-digit, non-newline.
        if ((c & UnicodeClass.Letter) != 0) return RunEnd(s, p + len, UnicodeClass.Letter);
        if ((c & (UnicodeClass.Number | UnicodeClass.CrLf)) == 0 && p + len < n
            && (At(s, p + len, out int len2) & UnicodeClass.Letter) != 0)
            return RunEnd(s, p + len + len2, UnicodeClass.Letter);
        // \p{N}{1,3}+ : at most three digits per piece.
        if ((c & UnicodeClass.Number) != 0)
        {
            int e = p + len;
            for (int k = 1; k < 3 && e < n && (At(s, e, out int l) & UnicodeClass.Number) != 0; k++) e += l;
            return e;
        }
        //  ?[^\s\p{L}\p{N}]++[\r\n]*+ : punctuation run with an optional leading space and trailing newlines.
        if (s[p] == ' ' && p + 1 < n && IsOther(At(s, p + 1, out int l1)))
            return RunEnd(s, OtherRunEnd(s, p + 1 + l1), UnicodeClass.CrLf);
        if (IsOther(c)) return RunEnd(s, OtherRunEnd(s, p + len), UnicodeClass.CrLf);
        // Whitespace.
        int end = RunEnd(s, p, UnicodeClass.Space);
        if (end == n) return n;                                   // \s++$
        for (int i = end - 1; i >= p; i--)                        // \s*[\r\n] : up to the last newline of the run
            if (s[i] is (byte)'\r' or (byte)'\n') return i + 1;
        int last = PreviousStart(s, end);                         // \s+(?!\S) : all but the last character
        return last > p ? last : end;                             // \s
    }
}

/// <summary>The English contractions the GPT-4 patterns match case-insensitively: s, t, d, m, ll, ve, re.</summary>
internal static class Contractions
{
    /// <summary>
    /// End of <c>(?i:[sdmt]|ll|ve|re)</c> at <paramref name="i"/> (just after the apostrophe), or -1.
    /// Rust's regex folds case with Unicode simple case folding, so "s" also matches "ſ" (U+017F, UTF-8 C5 BF).
    /// </summary>
    public static int CaseInsensitiveEnd(ReadOnlySpan<byte> s, int i)
    {
        int a = s[i] | 0x20;
        if (a is 's' or 'd' or 'm' or 't' && s[i] < 0x80) return i + 1;
        if (s[i] == 0xC5 && i + 1 < s.Length && s[i + 1] == 0xBF) return i + 2;
        if (i + 1 < s.Length && s[i] < 0x80 && s[i + 1] < 0x80)
        {
            int b = s[i + 1] | 0x20;
            if ((a == 'l' && b == 'l') || (a == 'v' && b == 'e') || (a == 'r' && b == 'e')) return i + 2;
        }
        return -1;
    }
}
