namespace GenAI.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul, Vollgraf 2017, arXiv:1708.07747; MIT licence, Zalando Research):
/// 70,000 grey-scale 28×28 images of clothing in 10 classes, 60,000 for training and 10,000 for testing.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the files.</summary>
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    private const string BaseUrl = "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/";

    /// <summary>The class names in label order, in German.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-Shirt/Top", "Hose", "Pullover", "Kleid", "Mantel", "Sandale", "Hemd", "Sneaker", "Tasche", "Stiefelette"];

    // SHA-256 of the decompressed IDX content, computed from Debian's dataset-fashion-mnist files.
    // The official .gz files carry the original file name in their gzip header and Debian's do not,
    // so only the content hash fits both (see DataFile.HashDecompressed).
    private static readonly string[] ContentSha256 =
    [
        "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", // train-images: 47,040,016 B
        "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", // train-labels: 60,008 B
        "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", // t10k-images: 7,840,016 B
        "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", // t10k-labels: 10,008 B
    ];

    private static readonly string[] Parts = ["Trainingsbilder", "Trainings-Labels", "Testbilder", "Test-Labels"];

    /// <summary>The four files, in the order train images, train labels, test images, test labels.</summary>
    public static IReadOnlyList<DataFile> Files { get; } = Enumerable.Range(0, 4).Select(i =>
        new DataFile(MnistFormat.FileNames[i], "fashion-mnist", new Uri(BaseUrl + MnistFormat.FileNames[i]), ContentSha256[i])
        {
            Description = $"Fashion-MNIST, {Parts[i]}",
            HashDecompressed = true,
            SystemFolders = [DebianFolder],
        }).ToArray();

    /// <summary>The catalog entry.</summary>
    public static DataEntry Entry { get; } = new("fashion-mnist", "Bilder",
        "Kleidungsstücke, 28×28 Graustufen, 10 Klassen, 60.000 Training + 10.000 Test", Files, "MIT (Zalando Research)");

    /// <summary>
    /// Loads the training (<paramref name="train"/> = true) or test split, pixels in [0, 1].
    /// <paramref name="take"/> keeps only the first images (fast experiments).
    /// </summary>
    /// <exception cref="DataUnavailableException">The files are not on this machine and cannot be downloaded.</exception>
    public static ImageDataset Load(bool train = true, int? take = null)
    {
        var (images, labels) = train ? (Files[0], Files[1]) : (Files[2], Files[3]);
        return MnistFormat.Load(train ? "Fashion-MNIST (Training)" : "Fashion-MNIST (Test)",
            DataFiles.Resolve(images), DataFiles.Resolve(labels), ClassNames, take);
    }
}
