using System.Globalization;

namespace GenAI.Data;

/// <summary>
/// The scikit-learn 8×8 digits (1,797 images of 0–9; BSD-3, see <c>Embedded/digits.LICENSE.txt</c>),
/// embedded in the library: the dataset that is always there, even with no network at all.
/// </summary>
/// <remarks>
/// The set has no official split; here the first 1,437 images (80 %) are "training" and the last 360 "test".
/// By default the images are resampled to 28×28 so the same 784-input models as for MNIST run on them.
/// </remarks>
public static class Digits
{
    /// <summary>Images in the training split (the rest are the test split).</summary>
    public const int TrainCount = 1437;

    /// <summary>Native image size (8×8).</summary>
    public const int NativeSize = 8;

    private static readonly Lazy<ImageDataset> All = new(Parse);

    /// <summary>The class names in label order: the digits themselves.</summary>
    public static IReadOnlyList<string> ClassNames => Mnist.ClassNames;

    /// <summary>The catalog entry (embedded, no files to fetch).</summary>
    public static DataEntry Entry { get; } = new("digits", "Bilder",
        "Handgeschriebene Ziffern, 8×8 (oder auf 28×28 vergrößert), 1.797 Bilder – eingebettet, immer da", [], "BSD-3 (scikit-learn)");

    /// <summary>
    /// Loads the training or test split. <paramref name="size"/> = 28 (default) resamples bilinearly to
    /// 28×28 like MNIST, 8 gives the native images; pixels are in [0, 1] (counts 0..16 divided by 16).
    /// </summary>
    public static ImageDataset Load(bool train = true, int size = 28, int? take = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var all = All.Value;
        var indices = train ? Enumerable.Range(0, TrainCount) : Enumerable.Range(TrainCount, all.Count - TrainCount);
        if (take is { } t) indices = indices.Take(Math.Max(t, 0));
        var split = all.Subset(indices.ToArray());
        var named = new ImageDataset(train ? "Digits 8×8 (Training)" : "Digits 8×8 (Test)", split.Pixels, split.Labels, NativeSize, NativeSize, ClassNames);
        return size == NativeSize ? named : Rename(named.Resize(size, size), train ? $"Digits {size}×{size} (Training)" : $"Digits {size}×{size} (Test)");
    }

    private static ImageDataset Rename(ImageDataset data, string name) =>
        new(name, data.Pixels, data.Labels, data.Height, data.Width, data.ClassNames);

    private static ImageDataset Parse()
    {
        const int pixelsPerImage = NativeSize * NativeSize;
        var pixels = new List<float>(1797 * pixelsPerImage);
        var labels = new List<long>(1797);
        using var reader = new StreamReader(EmbeddedData.Open("digits.csv.gz"));
        int lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != pixelsPerImage + 1)
                throw new InvalidDataException($"digits.csv.gz, Zeile {lineNumber}: {fields.Length} statt 65 Werte.");
            for (int i = 0; i < pixelsPerImage; i++)
                pixels.Add(float.Parse(fields[i], CultureInfo.InvariantCulture) / 16f);
            labels.Add((long)float.Parse(fields[pixelsPerImage], CultureInfo.InvariantCulture));
        }
        return new ImageDataset("Digits 8×8", [.. pixels], [.. labels], NativeSize, NativeSize, ClassNames);
    }
}
