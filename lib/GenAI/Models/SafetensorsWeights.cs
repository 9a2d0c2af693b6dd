using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// A module's weights (its <c>state_dict()</c>: parameters and buffers) as a safetensors file, strict like
/// PyTorch's <c>load_state_dict(strict=True)</c>: every name of the model must be in the file with the same shape,
/// and the file must hold no other names.
/// </summary>
public static class SafetensorsWeights
{
    /// <summary>Saves <paramref name="model"/>'s state dict to <paramref name="path"/> (temporary file, then renamed).</summary>
    public static void Save(nn.Module model, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        SafetensorsFile.Write(path, model.state_dict(), metadata);
    }

    /// <summary>Loads the weights in the file at <paramref name="path"/> into <paramref name="model"/>.</summary>
    /// <exception cref="InvalidDataException">The file is corrupt or does not fit the model; the message says what differs.</exception>
    public static void Load(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Die Gewichte '{path}' gibt es nicht.", path);
        using var stream = File.OpenRead(path);
        Load(model, stream, path);
    }

    /// <summary>Loads weights from <paramref name="stream"/>; <paramref name="source"/> names it in error messages.</summary>
    public static void Load(nn.Module model, Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        var loaded = SafetensorsFile.Read(stream, source);
        try
        {
            var expected = model.state_dict();
            var missing = expected.Keys.Where(name => !loaded.ContainsKey(name)).ToList();
            var unexpected = loaded.Keys.Where(name => !expected.ContainsKey(name)).ToList();
            var reshaped = expected.Where(p => loaded.TryGetValue(p.Key, out var t) && !t.shape.SequenceEqual(p.Value.shape))
                .Select(p => $"{p.Key} hat in der Datei die Form {Shape(loaded[p.Key])}, im Modell {Shape(p.Value)}")
                .ToList();
            if (missing.Count + unexpected.Count + reshaped.Count > 0)
            {
                var problems = new List<string>();
                if (missing.Count > 0) problems.Add("in der Datei fehlen " + List(missing));
                if (unexpected.Count > 0) problems.Add("das Modell kennt nicht " + List(unexpected));
                if (reshaped.Count > 0) problems.Add(List(reshaped));
                throw new InvalidDataException(
                    $"Die Gewichte in '{source}' passen nicht zum Modell {model.GetType().Name} "
                    + $"(wurde das Modell mit derselben Konfiguration gebaut?): {string.Join("; ", problems)}.");
            }
            using var noGrad = torch.no_grad();
            foreach (var (name, target) in expected)
                target.copy_(loaded[name]);
        }
        finally
        {
            foreach (var tensor in loaded.Values) tensor.Dispose();
        }
    }

    private static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";

    private static string List(IReadOnlyList<string> items) =>
        string.Join(", ", items.Take(8)) + (items.Count > 8 ? $" und {items.Count - 8} weitere" : "");
}
