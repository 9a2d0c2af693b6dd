using GenAI.Data;

namespace GenAI.Tests.Data;

public class FashionMnistTests
{
    private static void RequireDebianPackage()
    {
        if (!FashionMnist.Files.All(f => File.Exists(Path.Combine(FashionMnist.DebianFolder, f.Name))))
            Assert.Ignore($"Debian's dataset-fashion-mnist is not installed ({FashionMnist.DebianFolder}); .ci/run installs it.");
    }

    private TempFolder _cache = null!;
    private DataFileResolver SystemOnly => new() { CacheDirectory = _cache.Path, AllowDownload = false };

    // The tests read only Debian's copy and write their hash stamps into a temporary cache, not the user's.
    [SetUp]
    public void UseTemporaryCache()
    {
        _cache = new TempFolder();
        DataFiles.Resolver = SystemOnly;
    }

    [TearDown]
    public void RestoreResolver()
    {
        DataFiles.Resolver = null;
        _cache.Dispose();
    }

    [Test]
    public void The_Debian_files_verify_against_the_pinned_content_hashes()
    {
        RequireDebianPackage();
        foreach (var file in FashionMnist.Files)
        {
            var location = SystemOnly.Locate(file);
            Assert.That(location.Source, Is.EqualTo(DataSource.System), string.Join("; ", location.Rejected));
            Assert.That(location.Path, Is.EqualTo(Path.Combine(FashionMnist.DebianFolder, file.Name)));
        }
    }

    [Test]
    public void Real_Fashion_MNIST_has_60000_and_10000_images_with_balanced_labels()
    {
        RequireDebianPackage();
        var train = FashionMnist.Load(train: true);
        var test = FashionMnist.Load(train: false);

        Assert.That((train.Count, train.Height, train.Width), Is.EqualTo((60_000, 28, 28)));
        Assert.That(test.Count, Is.EqualTo(10_000));
        Assert.That(train.CountPerClass(), Is.All.EqualTo(6_000));
        Assert.That(test.CountPerClass(), Is.All.EqualTo(1_000));
        Assert.That(System.Numerics.Tensors.TensorPrimitives.Min(train.Pixels), Is.EqualTo(0f));
        Assert.That(System.Numerics.Tensors.TensorPrimitives.Max(train.Pixels), Is.EqualTo(1f));
        // The first training image is an ankle boot (label 9), as in the dataset's README sprite.
        Assert.That(train.ClassName(0), Is.EqualTo("Stiefelette"));
        var firstTen = FashionMnist.Load(train: false, take: 10);
        Assert.That(firstTen.Pixels.AsSpan().SequenceEqual(test.Pixels.AsSpan(0, 7840)));
        Assert.That(firstTen.Labels, Is.EqualTo(test.Labels[..10]));
    }
}
