using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Notebooks.Ipynb;

/// <summary>
/// A Jupyter notebook (nbformat 4.5) held as its JSON tree: we read and change what we understand
/// (sources, outputs, kernel metadata) and write everything else back untouched, sorted and indented
/// like nbformat so diffs stay small.
/// </summary>
public sealed class Notebook
{
    private Notebook(JsonObject root, string? path)
    {
        Root = root;
        Path = path;
        Cells = [.. ((JsonArray)root["cells"]!).Select(c => new NotebookCell((JsonObject)c!))];
    }

    /// <summary>The whole document.</summary>
    public JsonObject Root { get; }

    /// <summary>The file it was read from, if any.</summary>
    public string? Path { get; }

    /// <summary>The cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>Notebook-level metadata (kernelspec, language_info and whatever other tools stored).</summary>
    public JsonObject Metadata => Root["metadata"] as JsonObject ?? (JsonObject)(Root["metadata"] = new JsonObject());

    /// <summary>A new empty notebook for the course kernel.</summary>
    public static Notebook Create() => Parse("""{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "(neu)");

    /// <summary>Reads a notebook; a malformed file throws <see cref="NotebookFormatException"/> naming file and position.</summary>
    public static Notebook Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (IOException e) { throw new NotebookFormatException($"{path}: Datei nicht lesbar: {e.Message}", e); }
        return Parse(text, path, path);
    }

    /// <summary>Parses notebook JSON; <paramref name="sourceName"/> names it in error messages.</summary>
    public static Notebook Parse(string json, string sourceName, string? path = null)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (Zeile {line + 1}, Spalte {(e.BytePositionInLine ?? 0) + 1})" : "";
            throw new NotebookFormatException(
                $"{sourceName}{where}: kein gültiges JSON — {FirstSentence(e.Message)} " +
                "Die Datei bleibt unverändert; repariere sie (z. B. mit git diff/git checkout) und starte erneut.", e);
        }
        if (root is not JsonObject obj)
            throw new NotebookFormatException($"{sourceName}: Ein Notebook muss ein JSON-Objekt sein.");
        int major = obj["nbformat"] is JsonValue v && v.TryGetValue(out int m) ? m : 0;
        if (major != 4)
            throw new NotebookFormatException($"{sourceName}: nbformat {major} wird nicht unterstützt, nur nbformat 4. "
                + "Öffne und speichere das Notebook einmal in Jupyter, um es umzuwandeln.");
        if (obj["cells"] is not JsonArray cells || cells.Any(c => c is not JsonObject))
            throw new NotebookFormatException($"{sourceName}: \"cells\" fehlt oder enthält etwas anderes als Zellen-Objekte.");
        return new Notebook(obj, path);
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>
    /// Brings the document to the form we write: nbformat 4.5, ids on every cell (derived from the
    /// cell's position and text, so they are stable), our kernel's kernelspec and language_info.
    /// </summary>
    public void Normalize()
    {
        Root["nbformat"] = 4;
        int minor = Root["nbformat_minor"] is JsonValue v && v.TryGetValue(out int n) ? n : 0;
        Root["nbformat_minor"] = Math.Max(minor, 5);
        var kernelspec = Metadata["kernelspec"] as JsonObject ?? new JsonObject();
        foreach (var (key, value) in CourseKernel.KernelSpec()) kernelspec[key] = value?.DeepClone();
        Metadata["kernelspec"] = kernelspec;
        var languageInfo = Metadata["language_info"] as JsonObject ?? new JsonObject();
        foreach (var (key, value) in CourseKernel.LanguageInfo()) languageInfo[key] = value?.DeepClone();
        Metadata["language_info"] = languageInfo;

        var used = new HashSet<string>(Cells.Select(c => c.Id).OfType<string>(), StringComparer.Ordinal);
        for (int i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i];
            if (!string.IsNullOrEmpty(cell.Id)) continue;
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{i}\n{cell.Source}")));
            int length = 8;
            while (used.Contains(hash[..length])) length++;
            cell.Id = hash[..length];
            used.Add(cell.Id);
        }
        foreach (var cell in Cells)
        {
            cell.Json["metadata"] ??= new JsonObject();
            if (cell.IsCode)
            {
                cell.Json["outputs"] ??= new JsonArray();
                if (!cell.Json.ContainsKey("execution_count")) cell.Json["execution_count"] = null;
            }
        }
    }

    /// <summary>Removes every output and execution count.</summary>
    public void ClearOutputs()
    {
        foreach (var cell in Cells) cell.ClearOutputs();
    }

    /// <summary>The document as nbformat writes it (sorted keys, 1-space indent, sources as line arrays).</summary>
    public string ToJson()
    {
        var copy = (JsonObject)Root.DeepClone();
        foreach (var node in (JsonArray)copy["cells"]!)
        {
            var cell = (JsonObject)node!;
            if (cell["source"] is { } source) cell["source"] = MultilineText.Split(MultilineText.Join(source));
            if (cell["outputs"] is not JsonArray outputs) continue;
            foreach (var output in outputs.OfType<JsonObject>())
            {
                if (output["text"] is { } text) output["text"] = MultilineText.Split(MultilineText.Join(text));
                if (output["data"] is not JsonObject data) continue;
                foreach (var mime in data.Select(p => p.Key).ToList())
                    if (MultilineText.IsSplitMime(mime) && data[mime] is JsonValue or JsonArray)
                        data[mime] = MultilineText.Split(MultilineText.Join(data[mime]));
            }
        }
        return NbJsonWriter.Write(copy);
    }

    /// <summary>
    /// Writes to <paramref name="path"/> through a temporary file and a rename, so a crash never leaves
    /// a half-written notebook. Returns false (and leaves the file alone) when the content is unchanged.
    /// </summary>
    public bool Save(string path)
    {
        var json = ToJson();
        if (File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) == json) return false;
        AtomicFile.WriteAllText(path, json);
        return true;
    }
}
