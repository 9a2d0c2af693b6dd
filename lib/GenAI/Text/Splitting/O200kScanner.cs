using static GenAI.Text.UnicodeClasses;

namespace GenAI.Text.Splitting;

/// <summary>
/// <see cref="SplitPatterns.O200k"/> as a scanner. Its two word alternatives
/// <c>P?U*L+C?</c> and <c>P?U+L*C?</c> (P = <c>[^\r\n\p{L}\p{N}]</c>, U = <c>[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]</c>,
/// L = <c>[\p{Ll}\p{Lm}\p{Lo}\p{M}]</c>, C = an optional contraction) overlap in Lm, Lo and M, so a regex
/// engine backtracks inside them; <see cref="UpperThenLower"/> reproduces that backtracking exactly.
/// </summary>
internal sealed class O200kScanner : ScannerPreTokenizer
{
    public static readonly O200kScanner Instance = new();

    public override string Pattern => SplitPatterns.O200k;

    public override int NextEnd(ReadOnlySpan<byte> s, int p)
    {
        int n = s.Length;
        var c = At(s, p, out int len);
        bool prefix = (c & (UnicodeClass.Letter | UnicodeClass.Number | UnicodeClass.CrLf)) == 0 && p + len < n;
        int e;
        // Alternative 1, first with the optional prefix character taken, then without (greedy ? backtracks).
        if (prefix && (e = UpperThenLower(s, p + len)) >= 0) return e;
        if ((e = UpperThenLower(s, p)) >= 0) return e;
        // Alternative 2 likewise.
        if (prefix && (e = UpperRunThenLower(s, p + len)) >= 0) return e;
        if ((e = UpperRunThenLower(s, p)) >= 0) return e;
        // \p{N}{1,3}
        if ((c & UnicodeClass.Number) != 0)
        {
            e = p + len;
            for (int k = 1; k < 3 && e < n && (At(s, e, out int l) & UnicodeClass.Number) != 0; k++) e += l;
            return e;
        }
        //  ?[^\s\p{L}\p{N}]+[\r\n/]*
        if (s[p] == ' ' && p + 1 < n && IsOther(At(s, p + 1, out int l1)))
            return SlashOrNewlineRunEnd(s, OtherRunEnd(s, p + 1 + l1));
        if (IsOther(c)) return SlashOrNewlineRunEnd(s, OtherRunEnd(s, p + len));
        // Whitespace: \s*[\r\n]+ reaches the last newline of the run; \s+(?!\S) all but the last character
        // unless the run ends the text; \s+ the single character left.
        int end = RunEnd(s, p, UnicodeClass.Space);
        for (int i = end - 1; i >= p; i--)
            if (s[i] is (byte)'\r' or (byte)'\n') return i + 1;
        if (end == n) return n;
        int last = PreviousStart(s, end);
        return last > p ? last : end;
    }

    /// <summary>
    /// <c>U*L+C?</c> at <paramref name="start"/>, or -1. Greedy U* takes the whole U run; if L+ cannot start after
    /// it, the engine gives back one character at a time until one that is also in L (Lm, Lo, M) can start L+,
    /// which then runs greedily.
    /// </summary>
    private static int UpperThenLower(ReadOnlySpan<byte> s, int start)
    {
        int upperEnd = RunEnd(s, start, UnicodeClass.UpperLike);
        if (upperEnd < s.Length && (At(s, upperEnd, out int len) & UnicodeClass.LowerLike) != 0)
            return ContractionEnd(s, RunEnd(s, upperEnd + len, UnicodeClass.LowerLike));
        for (int j = upperEnd; j > start;)
        {
            j = PreviousStart(s, j);
            if ((At(s, j, out int l) & UnicodeClass.LowerLike) != 0)
                return ContractionEnd(s, RunEnd(s, j + l, UnicodeClass.LowerLike));
        }
        return -1;
    }

    /// <summary><c>U+L*C?</c> at <paramref name="start"/>, or -1 (no backtracking needed: L* and C? always succeed).</summary>
    private static int UpperRunThenLower(ReadOnlySpan<byte> s, int start)
    {
        if (start >= s.Length || (At(s, start, out int len) & UnicodeClass.UpperLike) == 0) return -1;
        int upperEnd = RunEnd(s, start + len, UnicodeClass.UpperLike);
        return ContractionEnd(s, RunEnd(s, upperEnd, UnicodeClass.LowerLike));
    }

    /// <summary>The optional <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)?</c> after a word.</summary>
    private static int ContractionEnd(ReadOnlySpan<byte> s, int e)
    {
        if (e + 1 < s.Length && s[e] == '\'')
        {
            int c = Contractions.CaseInsensitiveEnd(s, e + 1);
            if (c > 0) return c;
        }
        return e;
    }

    private static int SlashOrNewlineRunEnd(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && s[i] is (byte)'\r' or (byte)'\n' or (byte)'/') i++;
        return i;
    }
}
