using System.Text;

namespace GenAI.Kernel;

/// <summary>
/// Since protocol 5.2 <c>cursor_pos</c> counts Unicode code points (messaging.rst "cursor_pos and
/// unicode offsets"); .NET strings index UTF-16 units. These convert between the two.
/// </summary>
public static class CodePoints
{
    /// <summary>The UTF-16 index of code point number <paramref name="codePoint"/> (clamped to the string).</summary>
    public static int ToUtf16(string text, int codePoint)
    {
        int index = 0;
        for (int seen = 0; seen < codePoint && index < text.Length; seen++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }

    /// <summary>The number of code points before UTF-16 index <paramref name="utf16Index"/>.</summary>
    public static int FromUtf16(string text, int utf16Index)
    {
        int count = 0;
        foreach (var rune in text.AsSpan(0, Math.Clamp(utf16Index, 0, text.Length)).EnumerateRunes())
        {
            _ = rune;
            count++;
        }
        return count;
    }
}
