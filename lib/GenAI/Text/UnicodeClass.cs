using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace GenAI.Text;

/// <summary>
/// The character classes the GPT split patterns ask about (<c>\p{L}</c>, <c>\p{N}</c>, <c>\s</c>, <c>\p{M}</c>, …),
/// looked up per Unicode code point — not per UTF-16 unit as .NET's Regex does, so letters outside the
/// Basic Multilingual Plane (𝐀, 𠀀) count as letters exactly as in tiktoken's Rust regex.
/// </summary>
[Flags]
internal enum UnicodeClass : byte
{
    None = 0,
    /// <summary><c>\p{L}</c>: Lu, Ll, Lt, Lm, Lo.</summary>
    Letter = 1,
    /// <summary><c>\p{N}</c>: Nd, Nl, No.</summary>
    Number = 2,
    /// <summary><c>\s</c>: Unicode White_Space (equals <see cref="char.IsWhiteSpace(char)"/>).</summary>
    Space = 4,
    /// <summary><c>\p{M}</c>: Mn, Mc, Me.</summary>
    Mark = 8,
    /// <summary>o200k's first class <c>[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]</c>.</summary>
    UpperLike = 16,
    /// <summary>o200k's second class <c>[\p{Ll}\p{Lm}\p{Lo}\p{M}]</c>.</summary>
    LowerLike = 32,
    /// <summary><c>[\r\n]</c>.</summary>
    CrLf = 64,
}

/// <summary>Fast classification of the code point at a position of a UTF-8 buffer.</summary>
internal static class UnicodeClasses
{
    // One byte of flags per BMP code point (64 KB, built once); astral code points are looked up directly.
    private static readonly UnicodeClass[] Bmp = BuildBmp();

    private static UnicodeClass[] BuildBmp()
    {
        var table = new UnicodeClass[0x10000];
        for (int c = 0; c < table.Length; c++)
            table[c] = Classify(c);
        return table;
    }

    private static UnicodeClass Classify(int codePoint)
    {
        bool isSurrogate = codePoint is >= 0xD800 and <= 0xDFFF;
        var category = isSurrogate ? UnicodeCategory.Surrogate : CharUnicodeInfo.GetUnicodeCategory(codePoint);
        var flags = category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => UnicodeClass.Letter | UnicodeClass.UpperLike,
            UnicodeCategory.LowercaseLetter => UnicodeClass.Letter | UnicodeClass.LowerLike,
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => UnicodeClass.Letter | UnicodeClass.UpperLike | UnicodeClass.LowerLike,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                => UnicodeClass.Mark | UnicodeClass.UpperLike | UnicodeClass.LowerLike,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => UnicodeClass.Number,
            _ => UnicodeClass.None,
        };
        if (codePoint <= 0xFFFF && !isSurrogate && char.IsWhiteSpace((char)codePoint)) flags |= UnicodeClass.Space;
        if (codePoint is '\r' or '\n') flags |= UnicodeClass.CrLf;
        return flags;
    }

    /// <summary>Class of the code point starting at <paramref name="index"/>; <paramref name="length"/> is its UTF-8 length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UnicodeClass At(ReadOnlySpan<byte> utf8, int index, out int length)
    {
        byte b = utf8[index];
        if (b < 0x80)
        {
            length = 1;
            return Bmp[b];
        }
        return AtMultiByte(utf8, index, out length);
    }

    private static UnicodeClass AtMultiByte(ReadOnlySpan<byte> utf8, int index, out int length)
    {
        var status = Rune.DecodeFromUtf8(utf8[index..], out var rune, out length);
        if (status != System.Buffers.OperationStatus.Done) return UnicodeClass.None; // invalid bytes: treated as "other", like U+FFFD
        return rune.Value <= 0xFFFF ? Bmp[rune.Value] : Classify(rune.Value);
    }

    /// <summary>Start of the code point that ends right before <paramref name="end"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PreviousStart(ReadOnlySpan<byte> utf8, int end)
    {
        int i = end - 1;
        while (i > 0 && (utf8[i] & 0xC0) == 0x80) i--;
        return i;
    }

    /// <summary>End of the run of code points (from <paramref name="start"/>) whose class intersects <paramref name="any"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RunEnd(ReadOnlySpan<byte> utf8, int start, UnicodeClass any)
    {
        int i = start;
        while (i < utf8.Length && (At(utf8, i, out int len) & any) != 0) i += len;
        return i;
    }

    /// <summary>End of the run of code points (from <paramref name="start"/>) that are neither space, letter nor number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int OtherRunEnd(ReadOnlySpan<byte> utf8, int start)
    {
        int i = start;
        while (i < utf8.Length && IsOther(At(utf8, i, out int len))) i += len;
        return i;
    }

    /// <summary><c>[^\s\p{L}\p{N}]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsOther(UnicodeClass c) => (c & (UnicodeClass.Space | UnicodeClass.Letter | UnicodeClass.Number)) == 0;
}
