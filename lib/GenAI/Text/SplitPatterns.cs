namespace GenAI.Text;

/// <summary>
/// The regex pre-split patterns of OpenAI's encodings, verbatim from tiktoken (<c>tiktoken_ext/openai_public.py</c>).
/// Pass one to <c>BpeTokenizer.Train</c>; these three run as exact hand-written scanners, any other
/// pattern through .NET's Regex.
/// </summary>
public static class SplitPatterns
{
    /// <summary>GPT-2 / r50k_base / p50k_base: contractions, <c> ?letters</c>, <c> ?digits</c>, <c> ?other</c>, whitespace.</summary>
    public const string Gpt2 = @"'(?:[sdmt]|ll|ve|re)| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>GPT-4 / cl100k_base: case-insensitive contractions, numbers in groups of at most three digits, newlines kept apart.</summary>
    public const string Cl100k = @"'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s";

    /// <summary>GPT-4o / o200k_base: splits CamelCase words, attaches contractions to the word, keeps <c>/</c> with punctuation.</summary>
    public const string O200k =
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?" +
        @"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?" +
        @"|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+";
}
