namespace GenAI.Text;

/// <summary>What every tokenizer in the course offers: text → token ids → text (or bytes).</summary>
public interface ITokenizer
{
    /// <summary>A short name, e.g. <c>cl100k_base</c>.</summary>
    string Name { get; }

    /// <summary>Number of token ids (the largest id + 1).</summary>
    int VocabularySize { get; }

    /// <summary>The token ids of <paramref name="text"/>.</summary>
    int[] Encode(string text);

    /// <summary>How many tokens <paramref name="text"/> has (without building the id array).</summary>
    int CountTokens(string text);

    /// <summary>The raw bytes of one token (a token may hold only part of a UTF-8 character).</summary>
    byte[] TokenBytes(int id);

    /// <summary>The concatenated bytes of <paramref name="ids"/>.</summary>
    byte[] DecodeBytes(IEnumerable<int> ids);

    /// <summary>The text of <paramref name="ids"/>; incomplete UTF-8 characters become U+FFFD (�).</summary>
    string Decode(IEnumerable<int> ids);
}
