namespace GenAI.Data;

/// <summary>Loads an image dataset by name, optionally falling back to the embedded digits when it is not available.</summary>
public static class ImageDatasets
{
    /// <summary>The names <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fashion-mnist", "mnist", "digits", "digits-8x8"];

    /// <summary>
    /// Loads <paramref name="name"/> (<c>fashion-mnist</c>, <c>mnist</c>, <c>digits</c> at 28×28, <c>digits-8x8</c>).
    /// With <paramref name="fallbackToDigits"/>, a dataset that is neither on this machine nor downloadable is
    /// replaced by the embedded digits at 28×28 (same 784 inputs, 10 classes) and a note says so.
    /// </summary>
    public static ImageDataset Load(string name, bool train = true, int? take = null, bool fallbackToDigits = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return name.ToLowerInvariant() switch
            {
                "fashion-mnist" or "fashionmnist" => FashionMnist.Load(train, take),
                "mnist" => Mnist.Load(train, take),
                "digits" => Digits.Load(train, 28, take),
                "digits-8x8" => Digits.Load(train, Digits.NativeSize, take),
                _ => throw new ArgumentException($"Unbekannter Bilddatensatz „{name}“. Verfügbar: {string.Join(", ", Names)}.", nameof(name)),
            };
        }
        catch (DataUnavailableException e) when (fallbackToDigits)
        {
            Console.WriteLine($"Hinweis: {name} ist nicht verfügbar ({e.File.Name}); weiter mit den eingebetteten Ziffern (8×8, auf 28×28 vergrößert).");
            return Digits.Load(train, 28, take);
        }
    }
}
