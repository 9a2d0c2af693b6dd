using System.Globalization;

namespace GenAI.Text;

/// <summary>
/// The alphabet of a character-level language model: every distinct character of a text, sorted, each with an id
/// (its position). Text ↔ ids, nothing more — the simplest tokenizer there is.
/// <code>
/// var vocab = CharVocabulary.Build(grimm.Text);   // 80-something characters
/// int[] ids = vocab.Encode("Es war einmal");
/// string text = vocab.Decode(ids);                // "Es war einmal"
/// </code>
/// </summary>
public sealed class CharVocabulary
{
    private readonly char[] _characters;              // id → character, sorted by code point
    private readonly Dictionary<char, int> _ids;

    private CharVocabulary(char[] characters)
    {
        _characters = characters;
        _ids = new Dictionary<char, int>(characters.Length);
        for (int i = 0; i < characters.Length; i++) _ids[characters[i]] = i;
    }

    /// <summary>The vocabulary of all characters (UTF-16 code units) that occur in <paramref name="text"/>.</summary>
    public static CharVocabulary Build(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) throw new ArgumentException("Aus einem leeren Text lässt sich kein Alphabet bilden.", nameof(text));
        var distinct = new SortedSet<char>(text);
        return new CharVocabulary([.. distinct]);
    }

    /// <summary>A vocabulary from the given characters in this order (duplicates are not allowed).</summary>
    public static CharVocabulary FromCharacters(IEnumerable<char> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        var list = characters.ToArray();
        if (list.Length == 0) throw new ArgumentException("Das Alphabet braucht mindestens ein Zeichen.", nameof(characters));
        if (list.Distinct().Count() != list.Length) throw new ArgumentException("Jedes Zeichen darf im Alphabet nur einmal vorkommen.", nameof(characters));
        return new CharVocabulary(list);
    }

    /// <summary>Number of characters (the alphabet size V).</summary>
    public int Size => _characters.Length;

    /// <summary>The characters in id order.</summary>
    public IReadOnlyList<char> Characters => _characters;

    /// <summary>The character with this id.</summary>
    public char this[int id] => _characters[id];

    /// <summary>Whether the character is in the alphabet.</summary>
    public bool Contains(char c) => _ids.ContainsKey(c);

    /// <summary>The id of one character.</summary>
    public int IdOf(char c) => _ids.TryGetValue(c, out int id) ? id
        : throw new ArgumentException($"Das Zeichen „{Show(c)}“ (U+{(int)c:X4}) kommt im Alphabet nicht vor.", nameof(c));

    /// <summary>The ids of every character of <paramref name="text"/>; an unknown character is an error.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new int[text.Length];
        for (int i = 0; i < text.Length; i++) ids[i] = IdOf(text[i]);
        return ids;
    }

    /// <summary>The text of a sequence of ids.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new string([.. ids.Select(id => _characters[id])]);
    }

    /// <summary>The text of a sequence of ids (as a model's int64 tensor delivers them).</summary>
    public string Decode(IEnumerable<long> ids) => Decode(ids.Select(id => checked((int)id)));

    private static string Show(char c) => c switch { '\n' => "\\n", '\t' => "\\t", ' ' => "␣", _ => c.ToString() };

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.GetCultureInfo("de-DE"), $"CharVocabulary ({Size} Zeichen: {string.Concat(_characters.Select(Show))})");
}
