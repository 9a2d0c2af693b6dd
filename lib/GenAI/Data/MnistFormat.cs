namespace GenAI.Data;

/// <summary>
/// The four-file layout shared by MNIST and Fashion-MNIST (train/t10k × images/labels, IDX, gzip)
/// and the conversion to an <see cref="ImageDataset"/>.
/// </summary>
internal static class MnistFormat
{
    public static readonly string[] FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    /// <summary>Loads one split from its image and label files.</summary>
    public static ImageDataset Load(string name, string imagesPath, string labelsPath, IReadOnlyList<string> classNames, int? take)
    {
        var images = Idx.Read(imagesPath);
        var labels = Idx.Read(labelsPath);
        if (images.Shape is not [var n, var h, var w])
            throw new InvalidDataException($"{imagesPath}: erwartet sind Bilder [N, H, W], gefunden [{string.Join(", ", images.Shape)}].");
        if (labels.Shape is not [var m] || m != n)
            throw new InvalidDataException($"{labelsPath}: {string.Join("×", labels.Shape)} Labels passen nicht zu {n} Bildern in {imagesPath}.");
        int count = take is { } t ? Math.Clamp(t, 0, n) : n;
        // Bytes 0..255 → [0, 1], as torchvision's ToTensor() does.
        var pixels = new float[(long)count * h * w];
        var bytes = images.Data;
        for (int i = 0; i < pixels.Length; i++) pixels[i] = bytes[i] * (1f / 255f);
        var classes = new long[count];
        for (int i = 0; i < count; i++)
        {
            classes[i] = labels.Data[i];
            if (classes[i] >= classNames.Count)
                throw new InvalidDataException($"{labelsPath}: Label {classes[i]} an Stelle {i}, es gibt nur {classNames.Count} Klassen.");
        }
        return new ImageDataset(name, pixels, classes, h, w, classNames);
    }
}
