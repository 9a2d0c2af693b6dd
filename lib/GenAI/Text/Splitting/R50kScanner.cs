using static GenAI.Text.UnicodeClasses;

namespace GenAI.Text.Splitting;

/// <summary>
/// <see cref="SplitPatterns.Gpt2"/> as a scanner:
/// <c>'(?:[sdmt]|ll|ve|re)| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</c>, alternatives tried in order.
/// </summary>
internal sealed class R50kScanner : ScannerPreTokenizer
{
    public static readonly R50kScanner Instance = new();

    public override string Pattern => SplitPatterns.Gpt2;

    public override int NextEnd(ReadOnlySpan<byte> s, int p)
    {
        int n = s.Length;
        if (s[p] == '\'' && p + 1 < n)
        {
            int e = ContractionEnd(s, p);
            if (e > 0) return e;
        }
        var c = At(s, p, out int len);
        // " ?X+" for X = letters, numbers, other: an optional single space, then a run of one class.
        int q = p;
        if (s[p] == ' ' && p + 1 < n)
        {
            q = p + 1;
            c = At(s, q, out len);
        }
        if ((c & UnicodeClass.Letter) != 0) return RunEnd(s, q + len, UnicodeClass.Letter);
        if ((c & UnicodeClass.Number) != 0) return RunEnd(s, q + len, UnicodeClass.Number);
        if (IsOther(c)) return OtherRunEnd(s, q + len);
        // Whitespace: "\s+(?!\S)" takes the run but leaves its last character to the word after it; "\s+" takes one.
        int end = RunEnd(s, p, UnicodeClass.Space);
        if (end == n) return n;
        int last = PreviousStart(s, end);
        return last > p ? last : end;
    }

    // "'s", "'t", "'d", "'m", "'ll", "'ve", "'re" — case-sensitive in GPT-2.
    private static int ContractionEnd(ReadOnlySpan<byte> s, int p)
    {
        byte a = s[p + 1];
        if (a is (byte)'s' or (byte)'d' or (byte)'m' or (byte)'t') return p + 2;
        if (p + 2 < s.Length)
        {
            byte b = s[p + 2];
            if ((a == 'l' && b == 'l') || (a == 'v' && b == 'e') || (a == 'r' && b == 'e')) return p + 3;
        }
        return -1;
    }
}
