using System.Globalization;
using System.Text;

namespace GenAI.Core;

/// <summary>
/// JSON strings escaped the minimal way both Python's <c>json.dumps(ensure_ascii=False)</c> (nbformat) and Rust's
/// serde_json (safetensors) write them: quote, backslash and control characters only, so umlauts stay readable and
/// files we write are byte-identical to the reference tools' output.
/// </summary>
public static class JsonText
{
    /// <summary>Appends <paramref name="value"/> as a quoted JSON string.</summary>
    public static void AppendQuoted(StringBuilder json, string value)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(value);
        json.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ': json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: json.Append(c); break;
            }
        }
        json.Append('"');
    }
}
