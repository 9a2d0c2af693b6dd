namespace GenAI.Text;

/// <summary>
/// One training step of byte-pair encoding: the most frequent adjacent pair <paramref name="Left"/>, <paramref name="Right"/>
/// became the new token <paramref name="Id"/>; <paramref name="Count"/> is how often the pair occurred at that step.
/// <paramref name="Text"/> shows the new token readably (bytes that are not whole UTF-8 characters as <c>\xNN</c>).
/// </summary>
public sealed record BpeMerge(int Left, int Right, int Id, long Count, string Text);
