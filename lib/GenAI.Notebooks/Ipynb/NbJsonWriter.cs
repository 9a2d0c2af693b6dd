using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAI.Core;

namespace GenAI.Notebooks.Ipynb;

/// <summary>
/// Writes JSON exactly as Jupyter's nbformat does (<c>json.dumps(nb, sort_keys=True, indent=1,
/// ensure_ascii=False)</c> plus a final newline), so a notebook saved by us and by Jupyter differ
/// only where the content differs.
/// </summary>
internal static class NbJsonWriter
{
    public static string Write(JsonNode root)
    {
        var sb = new StringBuilder();
        WriteNode(sb, root, 0);
        sb.Append('\n');
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                if (obj.Count == 0) { sb.Append("{}"); break; }
                sb.Append("{\n");
                var keys = obj.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
                for (int i = 0; i < keys.Count; i++)
                {
                    Indent(sb, depth + 1);
                    JsonText.AppendQuoted(sb, keys[i]);
                    sb.Append(": ");
                    WriteNode(sb, obj[keys[i]], depth + 1);
                    sb.Append(i + 1 < keys.Count ? ",\n" : "\n");
                }
                Indent(sb, depth);
                sb.Append('}');
                break;
            case JsonArray array:
                if (array.Count == 0) { sb.Append("[]"); break; }
                sb.Append("[\n");
                for (int i = 0; i < array.Count; i++)
                {
                    Indent(sb, depth + 1);
                    WriteNode(sb, array[i], depth + 1);
                    sb.Append(i + 1 < array.Count ? ",\n" : "\n");
                }
                Indent(sb, depth);
                sb.Append(']');
                break;
            case JsonValue value:
                if (value.GetValueKind() == JsonValueKind.String) JsonText.AppendQuoted(sb, value.GetValue<string>());
                else sb.Append(value.ToJsonString());
                break;
        }
    }

    private static void Indent(StringBuilder sb, int depth) => sb.Append(' ', depth);
}
