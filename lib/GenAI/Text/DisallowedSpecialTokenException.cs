namespace GenAI.Text;

/// <summary>
/// The text contains a special token (e.g. <c>&lt;|endoftext|&gt;</c>) that the call did not allow — tiktoken raises
/// the same error, so user text cannot smuggle control tokens into a prompt.
/// </summary>
public sealed class DisallowedSpecialTokenException(string token)
    : ArgumentException(
        $"Der Text enthält das Spezial-Token '{token}', das hier nicht erlaubt ist. " +
        $"Soll es als Spezial-Token kodiert werden, übergib allowedSpecial: [\"{token}\"] (oder SpecialTokens.All); " +
        "soll es als gewöhnlicher Text zählen, übergib disallowedSpecial: SpecialTokens.None.")
{
    /// <summary>The special token found in the text.</summary>
    public string Token { get; } = token;
}
