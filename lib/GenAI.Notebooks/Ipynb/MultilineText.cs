using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAI.Notebooks.Ipynb;

/// <summary>nbformat's "multiline string": either one string or an array of lines, each keeping its newline.</summary>
internal static class MultilineText
{
    public static string Join(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>Splits after every <c>\n</c> as nbformat stores cell sources and text outputs.</summary>
    public static JsonArray Split(string text)
    {
        var array = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) array.Add(text[start..]);
        return array;
    }

    /// <summary>MIME types nbformat keeps as JSON values instead of text.</summary>
    public static bool IsJsonMime(string mime) => mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    /// <summary>Text-like MIME types nbformat writes as line arrays (binary images stay one base64 string).</summary>
    public static bool IsSplitMime(string mime) => !IsJsonMime(mime) && (!mime.StartsWith("image/", StringComparison.Ordinal) || mime == "image/svg+xml");

    public static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
