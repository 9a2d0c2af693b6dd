namespace GenAI.Text;

/// <summary>What one step of a Markov chain is.</summary>
public enum MarkovUnit
{
    /// <summary>Words; punctuation marks are tokens of their own; umlauts, ß and apostrophes inside words are kept (German-aware).</summary>
    Words,
    /// <summary>Single characters (user-perceived characters, so an emoji with ZWJ stays whole).</summary>
    Characters,
    /// <summary>Tokens of a tokenizer (<see cref="ITokenizer"/>), e.g. cl100k_base or a trained <see cref="BpeTokenizer"/>.</summary>
    Tokens,
}
