namespace GenAI.Data;

/// <summary>
/// MNIST handwritten digits (LeCun, Cortes, Burges): 70,000 grey-scale 28×28 images of the digits
/// 0–9, 60,000 for training and 10,000 for testing.
/// </summary>
public static class Mnist
{
    // The Google Cloud mirror used by TensorFlow Datasets (HTTPS; yann.lecun.com is often unreachable).
    private const string BaseUrl = "https://storage.googleapis.com/cvdf-datasets/mnist/";

    /// <summary>The class names in label order: the digits themselves.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    // SHA-256 and sizes of the official .gz files, as published by several independent loaders
    // (TensorFlow-Datasets-based and torchvision-mirror users agree); sizes match LeCun's page.
    private static readonly (string Sha256, long Size)[] Pins =
    [
        ("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9_912_422),
        ("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28_881),
        ("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1_648_877),
        ("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4_542),
    ];

    private static readonly string[] Parts = ["Trainingsbilder", "Trainings-Labels", "Testbilder", "Test-Labels"];

    /// <summary>The four files, in the order train images, train labels, test images, test labels.</summary>
    public static IReadOnlyList<DataFile> Files { get; } = Enumerable.Range(0, 4).Select(i =>
        new DataFile(MnistFormat.FileNames[i], "mnist", new Uri(BaseUrl + MnistFormat.FileNames[i]), Pins[i].Sha256, Pins[i].Size)
        {
            Description = $"MNIST, {Parts[i]}",
        }).ToArray();

    /// <summary>The catalog entry.</summary>
    public static DataEntry Entry { get; } = new("mnist", "Bilder",
        "Handgeschriebene Ziffern, 28×28 Graustufen, 60.000 Training + 10.000 Test", Files, "CC BY-SA 3.0 (LeCun, Cortes, Burges)");

    /// <summary>Loads the training or test split, pixels in [0, 1]; <paramref name="take"/> keeps only the first images.</summary>
    /// <exception cref="DataUnavailableException">The files are not on this machine and cannot be downloaded.</exception>
    public static ImageDataset Load(bool train = true, int? take = null)
    {
        var (images, labels) = train ? (Files[0], Files[1]) : (Files[2], Files[3]);
        return MnistFormat.Load(train ? "MNIST (Training)" : "MNIST (Test)",
            DataFiles.Resolve(images), DataFiles.Resolve(labels), ClassNames, take);
    }
}
