using System.Text;

namespace GenAI.Notebooks.Export;

/// <summary>
/// HTML escaping that leaves non-ASCII text as it is (the pages are UTF-8). WebUtility.HtmlEncode would
/// turn "ü" into "&amp;#252;", which renders the same but makes handouts unreadable as source and in diffs.
/// </summary>
internal static class Html
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }
}
