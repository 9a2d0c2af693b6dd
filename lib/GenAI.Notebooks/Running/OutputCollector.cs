using System.Text.Json;
using System.Text.Json.Nodes;
using GenAI.Display;
using GenAI.Notebooks.Ipynb;

namespace GenAI.Notebooks.Running;

/// <summary>
/// Turns a cell's outputs into nbformat output objects, as a notebook front end would save them:
/// consecutive stream text of one name merged, a display updated in place wherever it was shown
/// (also in an earlier cell), no transient display ids, no timestamps, and figures without duplicate payloads
/// (<see cref="SavedBundle"/>).
/// </summary>
internal sealed class OutputCollector(Dictionary<string, List<JsonObject>> displays) : ICellOutput
{
    private readonly object _gate = new();

    public JsonArray Outputs { get; } = [];

    public int? ExecutionCount { get; set; }

    public void Stream(string name, string text)
    {
        lock (_gate)
        {
            if (Outputs.Count > 0 && Outputs[^1] is JsonObject last
                && last["output_type"]?.GetValue<string>() == "stream" && last["name"]?.GetValue<string>() == name)
            {
                last["text"] = MultilineText.Join(last["text"]) + text;
                return;
            }
            Outputs.Add(new JsonObject { ["name"] = name, ["output_type"] = "stream", ["text"] = text });
        }
    }

    public void Display(MimeBundle bundle, string? displayId)
    {
        var output = new JsonObject { ["output_type"] = "display_data" };
        Fill(output, bundle);
        lock (_gate)
        {
            Outputs.Add(output);
            if (displayId is not null)
            {
                lock (displays)
                {
                    if (!displays.TryGetValue(displayId, out var shown)) displays[displayId] = shown = [];
                    shown.Add(output);
                }
            }
        }
    }

    public void UpdateDisplay(MimeBundle bundle, string displayId)
    {
        lock (displays)
        {
            if (!displays.TryGetValue(displayId, out var shown)) return;
            foreach (var output in shown) Fill(output, bundle);
        }
    }

    public void Result(MimeBundle bundle)
    {
        var output = new JsonObject { ["execution_count"] = ExecutionCount, ["output_type"] = "execute_result" };
        Fill(output, bundle);
        lock (_gate) Outputs.Add(output);
    }

    public void Error(string ename, string evalue, IReadOnlyList<string> traceback)
    {
        var lines = new JsonArray();
        foreach (var line in traceback) lines.Add(line);
        lock (_gate) Outputs.Add(new JsonObject { ["ename"] = ename, ["evalue"] = evalue, ["output_type"] = "error", ["traceback"] = lines });
    }

    /// <summary>Headless runs have no stdin; <c>Console.ReadLine()</c> sees end of input.</summary>
    public string? ReadLine(string prompt, bool password) => null;

    internal static void Fill(JsonObject output, MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in bundle)
        {
            if (SavedBundle.Omits(bundle, mime)) continue;
            var node = MultilineText.IsJsonMime(mime) ? ParseJsonOrText(value) : value;
            if (mime == MimeBundle.Plotly) SavedBundle.CompactNumbers(node);
            data[mime] = node;
        }
        var metadata = new JsonObject();
        foreach (var (mime, value) in bundle.Metadata)
            if (!SavedBundle.Omits(bundle, mime)) metadata[mime] = JsonSerializer.SerializeToNode(value);
        output["data"] = data;
        output["metadata"] = metadata;
    }

    private static JsonNode? ParseJsonOrText(string value)
    {
        try { return JsonNode.Parse(value); }
        catch (JsonException) { return value; }
    }
}
