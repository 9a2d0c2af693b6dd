using System.Text;

namespace GenAI.Display;

/// <summary>
/// HTML escaping that keeps UTF-8 text readable: only <c>&amp; &lt; &gt; " '</c> are replaced
/// (WebUtility.HtmlEncode would also turn "Ä" into "&amp;#196;").
/// </summary>
public static class HtmlText
{
    /// <summary>Escapes <paramref name="text"/> for element content and quoted attributes.</summary>
    public static string Escape(string text)
    {
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
