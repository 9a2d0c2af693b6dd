using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// A saved model is two files side by side: the weights as safetensors (<c>vae.safetensors</c>, readable
/// by PyTorch's <c>safetensors.torch.load_file</c> too) and the config record as JSON (<c>vae.json</c>),
/// which says which class to build with which sizes. Both are written to a temporary file first and
/// then renamed, so an interrupted save never leaves a half-written checkpoint behind.
/// </summary>
public static class Checkpoint
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The JSON file that belongs to weights at <paramref name="path"/>: same name, extension <c>.json</c>.</summary>
    public static string ConfigPath(string path) => Path.ChangeExtension(path, ".json");

    /// <summary>Saves <paramref name="model"/>'s weights to <paramref name="path"/> and <paramref name="config"/> beside it.</summary>
    public static void Save<TConfig>(nn.Module model, TConfig config, string path) where TConfig : class
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException(
                $"'{path}' ist der Name der Konfigurationsdatei; gib die Gewichte als .safetensors an, z. B. \"vae.safetensors\".", nameof(path));
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var document = new CheckpointConfig<TConfig>(model.GetType().Name, config);
        WriteAtomically(ConfigPath(full), JsonSerializer.Serialize(document, Json));
        // Our own safetensors writer (temporary file, then renamed); TorchSharp.PyBridge stays out of this path.
        SafetensorsWeights.Save(model, full);
    }

    /// <summary>
    /// Reads the config beside <paramref name="path"/>, builds the model with <paramref name="create"/>,
    /// and loads the weights (every name and shape must match).
    /// </summary>
    public static TModel Load<TModel, TConfig>(string path, Func<TConfig, TModel> create)
        where TModel : nn.Module where TConfig : class
    {
        ArgumentNullException.ThrowIfNull(create);
        var config = ReadConfig<TConfig>(path, typeof(TModel).Name);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"Die Gewichte '{path}' fehlen (die Konfiguration '{ConfigPath(path)}' ist da). Speichere das Modell mit Save erneut.", path);
        var model = create(config);
        LoadWeights(model, path);
        return model;
    }

    /// <summary>
    /// Loads weights into <paramref name="model"/>: a <c>.safetensors</c> file, or a PyTorch state dict
    /// saved with <c>torch.save(model.state_dict(), path)</c> (any other extension, e.g. <c>.pt</c>).
    /// Every name and shape must match; a mismatch names the file and what differs.
    /// </summary>
    public static void LoadWeights(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(path)) throw new FileNotFoundException($"Die Gewichte '{path}' gibt es nicht.", path);
        if (string.Equals(Path.GetExtension(path), ".safetensors", StringComparison.OrdinalIgnoreCase))
            SafetensorsWeights.Load(model, path);
        else
            LoadPyTorchStateDict(model, path);
    }

    /// <summary>
    /// A <c>torch.save</c> pickle through TorchSharp.PyBridge. A method of its own, never inlined: the JIT resolves every
    /// type a method body references, and under the official .NET Interactive kernel PyBridge binds to a second copy of
    /// TorchSharp (its reference is to 0.103), so loading safetensors must not compile any call into PyBridge.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LoadPyTorchStateDict(nn.Module model, string path)
    {
        try
        {
            model.load_py(path, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or IOException
                                      or System.Runtime.InteropServices.ExternalException)
        {
            // libtorch's messages carry a native stack trace after the first line; the first line says what differs.
            var reason = e.Message.Split('\n', 2)[0].Trim();
            throw new InvalidDataException(
                $"Die Gewichte in '{path}' passen nicht zum Modell {model.GetType().Name} (andere Namen oder Formen der Parameter; "
                + $"wurde das Modell mit derselben Konfiguration gebaut?): {reason}", e);
        }
    }

    /// <summary>Reads the config record saved beside weights at <paramref name="path"/>.</summary>
    public static TConfig ReadConfig<TConfig>(string path, string? expectedModel = null) where TConfig : class
    {
        var configPath = ConfigPath(path);
        if (!File.Exists(configPath))
            throw new FileNotFoundException(
                $"Zum Checkpoint '{path}' fehlt die Konfiguration '{configPath}'. "
                + "Speichere Modelle mit ihrer Save-Methode, die beide Dateien schreibt.", configPath);
        return ParseConfig<TConfig>(File.ReadAllText(configPath), configPath, expectedModel);
    }

    /// <summary>Parses a config document (the JSON that <see cref="Save"/> writes); <paramref name="source"/> names it in messages.</summary>
    internal static TConfig ParseConfig<TConfig>(string json, string source, string? expectedModel = null) where TConfig : class
    {
        CheckpointConfig<TConfig>? document;
        try
        {
            document = JsonSerializer.Deserialize<CheckpointConfig<TConfig>>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{source}' ist keine gültige Modellkonfiguration: {e.Message}", e);
        }
        if (document?.Config is null)
            throw new InvalidDataException($"'{source}' enthält keine Konfiguration (Feld \"config\").");
        if (expectedModel is not null && document.Model != expectedModel)
            throw new InvalidDataException($"'{source}' ist ein {document.Model}, kein {expectedModel}; lade es mit {document.Model}.Load.");
        return document.Config;
    }

    private static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private sealed record CheckpointConfig<TConfig>(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("config")] TConfig Config);
}
