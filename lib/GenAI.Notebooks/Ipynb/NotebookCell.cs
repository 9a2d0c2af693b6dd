using System.Text.Json.Nodes;

namespace GenAI.Notebooks.Ipynb;

/// <summary>
/// One cell, backed by its JSON object so every field we do not interpret (metadata of other tools,
/// attachments, ids) survives a read-write round trip unchanged.
/// </summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json) => Json = json;

    /// <summary>The cell's JSON as stored in the file.</summary>
    public JsonObject Json { get; }

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType => Json["cell_type"]?.GetValue<string>() ?? "";

    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The nbformat 4.5 cell id.</summary>
    public string? Id
    {
        get => Json["id"]?.GetValue<string>();
        set => Json["id"] = value;
    }

    /// <summary>The cell's text, lines joined.</summary>
    public string Source
    {
        get => MultilineText.Join(Json["source"]);
        set => Json["source"] = value;
    }

    /// <summary>The cell's metadata object (created when missing).</summary>
    public JsonObject Metadata => Json["metadata"] as JsonObject ?? (JsonObject)(Json["metadata"] = new JsonObject());

    /// <summary>The cell's tags (<c>metadata.tags</c>), e.g. <c>solution</c>, <c>remove-input</c>.</summary>
    public IReadOnlyList<string> Tags =>
        (Json["metadata"] as JsonObject)?["tags"] is JsonArray tags
            ? [.. tags.Select(t => t?.GetValue<string>() ?? "")]
            : [];

    /// <summary>True when the cell carries <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>The outputs of a code cell (nbformat output objects); empty for other cells.</summary>
    public JsonArray Outputs => Json["outputs"] as JsonArray ?? (IsCode ? (JsonArray)(Json["outputs"] = new JsonArray()) : []);

    /// <summary>The execution count of a code cell, null when it has not run.</summary>
    public int? ExecutionCount
    {
        get => Json["execution_count"] is JsonValue v && v.TryGetValue(out int n) ? n : null;
        set => Json["execution_count"] = value;
    }

    /// <summary>Removes outputs and the execution count (code cells only).</summary>
    public void ClearOutputs()
    {
        if (!IsCode) return;
        Json["outputs"] = new JsonArray();
        Json["execution_count"] = null;
    }
}
