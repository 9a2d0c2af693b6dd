namespace GenAI.Text;

/// <summary>
/// The course's train/held-out split for language models: the first 90 % of a text (or id sequence) to train on,
/// the <b>last 10 %</b> held out for evaluation. A contiguous cut, not a random one, so no held-out sentence leaks into
/// training through overlapping windows. Every chapter that reports held-out loss or bits per character uses this cut.
/// </summary>
public static class HeldOutSplit
{
    /// <summary>The fraction held out at the end.</summary>
    public const double DefaultFraction = 0.1;

    /// <summary>Where the held-out part begins: ⌊length × (1 − fraction)⌋.</summary>
    public static int Boundary(int length, double heldOutFraction = DefaultFraction)
    {
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "Die Länge darf nicht negativ sein.");
        if (!(heldOutFraction > 0 && heldOutFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(heldOutFraction), heldOutFraction, "Der zurückgehaltene Anteil muss zwischen 0 und 1 liegen.");
        return (int)Math.Floor(length * (1 - heldOutFraction));
    }

    /// <summary>Splits a text: (first 90 %, last 10 %).</summary>
    public static (string Train, string HeldOut) Split(string text, double heldOutFraction = DefaultFraction)
    {
        ArgumentNullException.ThrowIfNull(text);
        int cut = Boundary(text.Length, heldOutFraction);
        return (text[..cut], text[cut..]);
    }

    /// <summary>Splits an id sequence: (first 90 %, last 10 %).</summary>
    public static (T[] Train, T[] HeldOut) Split<T>(IReadOnlyList<T> ids, double heldOutFraction = DefaultFraction)
    {
        ArgumentNullException.ThrowIfNull(ids);
        int cut = Boundary(ids.Count, heldOutFraction);
        return ([.. ids.Take(cut)], [.. ids.Skip(cut)]);
    }
}
