using System.Globalization;
using System.Text;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Text;

/// <summary>
/// A text as a tokenizer sees it, like OpenAI's tokenizer page: each token on its own coloured background, its id
/// in the tooltip, and "N Tokens, M Zeichen" above. Tokens that hold only part of a UTF-8 character (an emoji is often
/// split into several) are shown together as one coloured piece whose tooltip lists all their ids.
/// <code>
/// display(new TokenView(TiktokenEncoding.Get("cl100k_base"), "Hallo Welt! 👋"));
/// </code>
/// </summary>
public sealed partial class TokenView : IDisplayable
{
    // Background colours that stay readable with black text (after OpenAI's tokenizer page).
    private static readonly string[] Colors = ["#d4c5f5", "#c3f0c9", "#fbe1b3", "#f8c6c7", "#bfe7f7"];
    private static readonly int[] AnsiColors = [183, 157, 223, 217, 153];

    /// <summary>Shows <paramref name="text"/> tokenized by <paramref name="tokenizer"/>.</summary>
    public TokenView(ITokenizer tokenizer, string text)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        TokenizerName = tokenizer.Name;
        Ids = tokenizer.Encode(text);
        _tokenBytes = [.. Ids.Select(tokenizer.TokenBytes)];
        Pieces = Group(tokenizer, Ids);
    }

    // Each token's bytes, for the token table (ToDataFrame).
    private readonly byte[][] _tokenBytes;

    /// <summary>The text shown.</summary>
    public string Text { get; }

    /// <summary>Name of the tokenizer.</summary>
    public string TokenizerName { get; }

    /// <summary>The token ids.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>Displayed pieces: the text of one token, or of several tokens that together form whole characters.</summary>
    public IReadOnlyList<(string Text, int[] Ids)> Pieces { get; }

    /// <summary>Number of tokens.</summary>
    public int TokenCount => Ids.Count;

    /// <summary>Number of characters as a reader counts them (an emoji with skin tone or ZWJ counts once).</summary>
    public int CharacterCount => new StringInfo(Text).LengthInTextElements;

    /// <summary>"N Tokens, M Zeichen".</summary>
    public string Summary
    {
        get
        {
            var de = CultureInfo.GetCultureInfo("de-DE");
            return $"{TokenCount.ToString("N0", de)} {(TokenCount == 1 ? "Token" : "Tokens")}, {CharacterCount.ToString("N0", de)} Zeichen";
        }
    }

    private static List<(string, int[])> Group(ITokenizer tokenizer, IReadOnlyList<int> ids)
    {
        var pieces = new List<(string, int[])>();
        var bytes = new List<byte>();
        var group = new List<int>();
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (int i = 0; i < ids.Count; i++)
        {
            bytes.AddRange(tokenizer.TokenBytes(ids[i]));
            group.Add(ids[i]);
            bool complete;
            try
            {
                strict.GetString([.. bytes]);
                complete = true;
            }
            catch (DecoderFallbackException)
            {
                complete = false;
            }
            // Give up grouping after 4 tokens (a broken sequence would otherwise swallow the rest).
            if (complete || group.Count >= 4 || i == ids.Count - 1)
            {
                pieces.Add((Encoding.UTF8.GetString([.. bytes]), [.. group]));
                bytes.Clear();
                group.Clear();
            }
        }
        return pieces;
    }

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle() => new MimeBundle().Add(MimeBundle.TextHtml, ToHtml()).Add(MimeBundle.TextPlain, ToString());

    /// <summary>The coloured HTML view.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"genai-token-view\" style=\"font-family:system-ui,sans-serif;font-size:14px\">");
        sb.Append(CultureInfo.InvariantCulture, $"<div style=\"color:#374151;margin-bottom:6px\"><b>{Html(Summary)}</b> ")
            .Append(CultureInfo.InvariantCulture, $"<span style=\"color:#6b7280\">({Html(TokenizerName)})</span></div>");
        sb.Append("<div style=\"font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:15px;line-height:1.9;")
            .Append("white-space:pre-wrap;word-break:break-word;color:#111827\">");
        for (int i = 0; i < Pieces.Count; i++)
        {
            var (text, ids) = Pieces[i];
            string title = ids.Length == 1 ? $"Token {ids[0]}" : $"Tokens {string.Join(", ", ids)}";
            sb.Append(CultureInfo.InvariantCulture, $"<span title=\"{title}\" style=\"background:{Colors[i % Colors.Length]};")
                .Append(CultureInfo.InvariantCulture, $"border-radius:3px;padding:1px 0\">{Html(Visible(text))}</span>");
            if (text.EndsWith('\n')) sb.Append('\n');
        }
        sb.Append("</div>");
        var shown = Ids.Take(200).Select(id => id.ToString(CultureInfo.InvariantCulture));
        sb.Append(CultureInfo.InvariantCulture, $"<details style=\"margin-top:6px;color:#6b7280\"><summary>Token-Ids</summary>")
            .Append(CultureInfo.InvariantCulture, $"<code style=\"font-size:12px\">[{string.Join(", ", shown)}{(Ids.Count > 200 ? ", …" : "")}]")
            .Append("</code></details>");
        return sb.Append("</div>").ToString();
    }

    // Newlines inside a token are shown as ↵ (the line break itself follows the span).
    private static string Visible(string text) => text.Replace("\r", "␍", StringComparison.Ordinal).Replace("\n", "↵", StringComparison.Ordinal);

    private static string Html(string s) => GenAI.Core.HtmlText.Escape(s);

    /// <summary>Plain text: the summary, the tokens separated by │, and the ids.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Summary).Append(" (").Append(TokenizerName).Append(")\n");
        sb.Append(string.Join("│", Pieces.Select(p => Visible(p.Text)))).Append('\n');
        sb.Append('[').Append(string.Join(", ", Ids.Take(200))).Append(Ids.Count > 200 ? ", …]" : "]");
        return sb.ToString();
    }

    /// <summary>The coloured view for a terminal (ANSI 256-colour backgrounds).</summary>
    public string ToAnsi()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < Pieces.Count; i++)
        {
            var text = Pieces[i].Text.Replace("\n", "↵\n", StringComparison.Ordinal);
            sb.Append(CultureInfo.InvariantCulture, $"\u001b[30;48;5;{AnsiColors[i % AnsiColors.Length]}m{text}\u001b[0m");
        }
        return sb.ToString();
    }
}
