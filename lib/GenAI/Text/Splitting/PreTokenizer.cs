using System.Text;

namespace GenAI.Text.Splitting;

/// <summary>
/// The pre-split every GPT tokenizer applies before byte-pair merging: a regex cuts text into pieces
/// (words with their leading space, numbers, punctuation runs, whitespace) and BPE never merges across
/// piece boundaries. Radford et al. (2019), "Language Models are Unsupervised Multitask Learners", §2.2.
/// </summary>
internal abstract class PreTokenizer
{
    /// <summary>The regex this pre-tokenizer implements (tiktoken's <c>pat_str</c> for the built-in ones).</summary>
    public abstract string Pattern { get; }

    /// <summary>Converts <paramref name="text"/> to UTF-8 and records where each piece ends.</summary>
    public abstract void Split(ReadOnlySpan<char> text, Utf8Pieces pieces);

    /// <summary>The hand-written scanner for one of the GPT patterns, or a Regex for any other pattern.</summary>
    public static PreTokenizer For(string pattern) => pattern switch
    {
        SplitPatterns.Gpt2 => R50kScanner.Instance,
        SplitPatterns.Cl100k => Cl100kScanner.Instance,
        SplitPatterns.O200k => O200kScanner.Instance,
        _ => new RegexPreTokenizer(pattern),
    };
}

/// <summary>
/// A pre-tokenizer written as a hand-coded scanner over UTF-8: it returns where the regex match starting at
/// a position ends. The GPT patterns match every position (their alternatives cover letters, numbers,
/// whitespace and everything else), so pieces tile the text without gaps.
/// </summary>
internal abstract class ScannerPreTokenizer : PreTokenizer
{
    /// <summary>Exclusive end of the piece that starts at <paramref name="start"/> (&lt; length).</summary>
    public abstract int NextEnd(ReadOnlySpan<byte> utf8, int start);

    /// <inheritdoc/>
    public override void Split(ReadOnlySpan<char> text, Utf8Pieces pieces)
    {
        pieces.SetText(text);
        var utf8 = pieces.Bytes;
        for (int pos = 0; pos < utf8.Length;)
        {
            pos = NextEnd(utf8, pos);
            pieces.Ends.Add(pos);
        }
    }
}

/// <summary>
/// UTF-8 bytes cut into consecutive pieces: piece <c>i</c> is <c>Bytes[Ends[i-1]..Ends[i]]</c>.
/// Reused between calls so encoding does not allocate per piece.
/// </summary>
internal sealed class Utf8Pieces
{
    private byte[] _buffer = new byte[256];
    private int _length;

    /// <summary>Exclusive end offsets of the pieces.</summary>
    public List<int> Ends { get; } = [];

    /// <summary>All bytes of all pieces.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    /// <summary>Replaces the content with the UTF-8 form of <paramref name="text"/> (lone surrogates become U+FFFD, as in tiktoken).</summary>
    public void SetText(ReadOnlySpan<char> text)
    {
        Ends.Clear();
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_buffer.Length < max) _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        _length = Encoding.UTF8.GetBytes(text, _buffer);
    }

    /// <summary>Empties the pieces (for pre-tokenizers that append match by match).</summary>
    public void Clear()
    {
        Ends.Clear();
        _length = 0;
    }

    /// <summary>Appends one piece converted from UTF-16.</summary>
    public void Append(ReadOnlySpan<char> piece)
    {
        int max = Encoding.UTF8.GetMaxByteCount(piece.Length);
        if (_buffer.Length < _length + max) Array.Resize(ref _buffer, Math.Max(_length + max, _buffer.Length * 2));
        _length += Encoding.UTF8.GetBytes(piece, _buffer.AsSpan(_length));
        Ends.Add(_length);
    }
}
