using System.Text;

namespace GenAI.Core;

/// <summary>
/// The one HTML/XML text escaper of the course (library, exporter, SVG): only <c>&amp; &lt; &gt; " '</c> are
/// replaced, so UTF-8 text stays readable in page sources and diffs (WebUtility.HtmlEncode would also turn "Ä"
/// into "&amp;#196;"). The result is safe in element content and in quoted attributes, in HTML and XML alike.
/// </summary>
public static class HtmlText
{
    /// <summary>Escapes <paramref name="text"/> for element content and quoted attributes.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
