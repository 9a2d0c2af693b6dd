using System.Collections;
using System.Runtime.CompilerServices;

namespace GenAI.Text;

/// <summary>
/// A choice of special tokens for <see cref="TiktokenEncoding.Encode(string, SpecialTokens?, SpecialTokens?)"/>:
/// <see cref="All"/>, <see cref="None"/> or a list of names — tiktoken's <c>"all"</c>, <c>set()</c> and sets.
/// </summary>
[CollectionBuilder(typeof(SpecialTokens), nameof(Create))]
public sealed class SpecialTokens : IEnumerable<string>
{
    private SpecialTokens(bool all, IReadOnlySet<string> names)
    {
        IsAll = all;
        Names = names;
    }

    /// <summary>Every special token of the encoding.</summary>
    public static SpecialTokens All { get; } = new(true, new HashSet<string>());

    /// <summary>No special token.</summary>
    public static SpecialTokens None { get; } = new(false, new HashSet<string>());

    /// <summary>Exactly these special tokens, e.g. <c>SpecialTokens.Of("&lt;|endoftext|&gt;")</c>.</summary>
    public static SpecialTokens Of(params IEnumerable<string> names) => new(false, new HashSet<string>(names, StringComparer.Ordinal));

    /// <summary>Lets you write <c>allowedSpecial: ["&lt;|endoftext|&gt;"]</c>.</summary>
    public static SpecialTokens Create(ReadOnlySpan<string> names) => Of(names.ToArray());

    /// <summary>Lets you pass a string array.</summary>
    public static implicit operator SpecialTokens(string[] names) => Of(names);

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => Names.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether this means "all special tokens".</summary>
    public bool IsAll { get; }

    /// <summary>The named tokens (empty for <see cref="All"/> and <see cref="None"/>).</summary>
    public IReadOnlySet<string> Names { get; }

    internal IReadOnlySet<string> Resolve(IReadOnlyDictionary<string, int> special) =>
        IsAll ? new HashSet<string>(special.Keys, StringComparer.Ordinal) : Names;
}
