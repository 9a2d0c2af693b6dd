using System.Text.Json.Nodes;
using GenAI.Display;

namespace GenAI.Notebooks.Running;

/// <summary>
/// What a notebook saved by <c>genai run</c> keeps of a display, so committed chapters stay light (issue: ≤ 1,5 MB each)
/// without losing anything a reader sees:
/// <list type="bullet">
/// <item>A figure keeps <c>image/svg+xml</c> (GitHub, printed handouts, front ends without plotly.js) and
/// <c>application/vnd.plotly.v1+json</c> (VS Code's plotly renderer, interactive handouts). Its <c>text/html</c>
/// is plotly.js markup embedding the same figure JSON and the same SVG again, so it is dropped.</item>
/// <item>An image grid with captions keeps its SVG, which embeds the very PNG the bundle also carries; that PNG is
/// dropped when the SVG holds it byte for byte (front ends rank SVG above PNG, and the handout shows the SVG).</item>
/// <item>Numbers in the figure JSON are written with float32's shortest round-trip digits. Chart data comes from
/// float32 tensors, so this is exact for it, and 7 significant digits are finer than any screen for the rest.</item>
/// </list>
/// A live kernel still sends the whole bundle; only the saved file is trimmed.
/// </summary>
internal static class SavedBundle
{
    /// <summary>Whether <paramref name="mime"/> is left out of the saved output of <paramref name="bundle"/>.</summary>
    public static bool Omits(MimeBundle bundle, string mime) => mime switch
    {
        MimeBundle.TextHtml => bundle.ContainsKey(MimeBundle.Plotly) && bundle.ContainsKey(MimeBundle.ImageSvg),
        MimeBundle.ImagePng => bundle.TryGetValue(MimeBundle.ImageSvg, out var svg) && bundle.TryGetValue(MimeBundle.ImagePng, out var png)
                               && svg.Contains("data:image/png;base64," + png.Trim(), StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Rewrites the numbers of a figure's JSON in place with float32 precision (integers stay as they are).</summary>
    public static void CompactNumbers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (Compact(obj[key]) is { } shorter) obj[key] = shorter;
                    else CompactNumbers(obj[key]);
                }
                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (Compact(array[i]) is { } shorter) array[i] = shorter;
                    else CompactNumbers(array[i]);
                }
                break;
        }
    }

    // A number that is not a whole number, written as the float nearest to it; a whole number written with a decimal
    // point, as an integer; null for anything else or for values float32 cannot hold (out of range, or a non-zero value
    // that would round to zero).
    private static JsonValue? Compact(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number) return null;
        double d = value.GetValue<double>();
        // Whole numbers as integers: Plotly.NET writes 1.0 where plotly.js needs only 1.
        if (d == Math.Floor(d) && Math.Abs(d) < 1e15)
            return value.ToJsonString().AsSpan().IndexOfAny(".eE") >= 0 ? JsonValue.Create((long)d) : null;
        float f = (float)d;
        if (float.IsInfinity(f) || (f == 0 && d != 0)) return null;
        return JsonValue.Create(f);
    }
}
