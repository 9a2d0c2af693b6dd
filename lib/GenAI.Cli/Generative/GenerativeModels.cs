using System.Reflection;
using GenAI.Core;
using GenAI.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Cli.Generative;

/// <summary>The registry of <see cref="IGenerativeModel"/>s and what they share: checkpoint place, data, IDX output.</summary>
public static class GenerativeModels
{
    /// <summary>Every model in this assembly, by name.</summary>
    public static IReadOnlyList<IGenerativeModel> All { get; } = [.. Assembly.GetExecutingAssembly().GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IGenerativeModel).IsAssignableFrom(t))
        .Select(t => (IGenerativeModel)Activator.CreateInstance(t)!)
        .OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Where <c>genai train</c> caches a model: <c>&lt;cache&gt;/models/&lt;name&gt;.safetensors</c>
    /// (<c>GENAI_CACHE_DIR</c> moves the cache).
    /// </summary>
    public static string CheckpointPath(IGenerativeModel model) =>
        Path.Combine(DataFileResolver.DefaultCacheDirectory(), "models", $"{model.Name}.safetensors");

    /// <summary>True when both files of a checkpoint (weights and config) are there.</summary>
    public static bool CheckpointExists(string path) =>
        File.Exists(path) && File.Exists(GenAI.Models.Checkpoint.ConfigPath(path));

    /// <summary>Fashion-MNIST training images (or the embedded digits), a fixed random selection: (N, 1, 28, 28) in [0, 1], labels (N).</summary>
    public static (Tensor Images, Tensor Labels) TrainingData(int count, int seed = 1)
    {
        var set = ImageDatasets.Load("fashion-mnist", train: true, fallbackToDigits: true);
        return set.Sample(Math.Min(count, set.Count), seed).ToTensors();
    }

    /// <summary>
    /// Writes images (N, 1, 28, 28) in [0, 1] as an IDX3 ubyte file, the format of Fashion-MNIST's
    /// <c>*-images-idx3-ubyte</c> (magic 0x00000803, big-endian sizes N, 28, 28; 0 = background, 255 = full).
    /// The file appears whole or not at all.
    /// </summary>
    public static void WriteIdx(Tensor images, string path)
    {
        long n = images.shape[0];
        if (images.numel() != n * 28 * 28) throw new ArgumentException($"Expected images (N, 1, 28, 28), got [{string.Join(", ", images.shape)}].");
        using var scaled = (images.detach().clamp(0, 1) * 255).round().to_type(ScalarType.Byte).reshape(n * 28 * 28);
        using var buffer = new MemoryStream();
        Idx.Write(buffer, new IdxArray([(int)n, 28, 28], scaled.data<byte>().ToArray()));
        GenAI.Core.AtomicFile.WriteAllBytes(Path.GetFullPath(path), buffer.ToArray());
    }
}
