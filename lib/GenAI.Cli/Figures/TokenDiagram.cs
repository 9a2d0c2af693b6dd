using System.Globalization;

namespace GenAI.Cli.Figures;

/// <summary>
/// images/text-tokens-ids.svg: a sentence, its tokens as coloured boxes (the colours of OpenAI's
/// tokenizer page) and the token ids underneath — the first two steps from text to numbers.
/// </summary>
internal static class TokenDiagram
{
    private static readonly string[] Colors = ["#d5c8f3", "#c6f2cd", "#fbe2b8", "#f9c3c4", "#bde7f8"];
    private const double CharWidth = 9.2, Pad = 10, Gap = 8, BoxH = 34;

    public static string Render(string text, IReadOnlyList<(string Piece, int Id)> tokens, string encodingName)
    {
        // A leading space belongs to the token; show it as a visible mark so the learner sees it.
        string Shown(string piece) => piece.Replace(" ", "␣", StringComparison.Ordinal).Replace("\n", "↵", StringComparison.Ordinal);
        double BoxW((string Piece, int Id) t) =>
            Math.Max(Shown(t.Piece).Length * CharWidth, t.Id.ToString(CultureInfo.InvariantCulture).Length * 8.4) + 2 * Pad;

        const double left = 120;
        double total = tokens.Sum(BoxW) + Gap * (tokens.Count - 1);
        double width = left + total + 40;
        var svg = new SvgSketch(width, 250);

        svg.Text(20, 42, "Text", 14, "start", "#555", "bold");
        svg.Text(left, 42, $"„{text}“", 18, "start");
        svg.Text(20, 122, "Tokens", 14, "start", "#555", "bold");
        svg.Text(20, 202, "IDs", 14, "start", "#555", "bold");

        double x = left;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            double w = BoxW(t), cx = x + w / 2;
            svg.Arrow(cx, 58, cx, 96, "#999");
            svg.Rect(x, 100, w, BoxH, Colors[i % Colors.Length], "none", 6);
            svg.Text(cx, 123, Shown(t.Piece), 15, color: "#111");
            svg.Arrow(cx, 138, cx, 176, "#999");
            svg.Text(cx, 204, t.Id.ToString(CultureInfo.InvariantCulture), 15, color: "#1a3f8f", weight: "bold");
            x += w + Gap;
        }
        svg.Text(left, 240, $"{tokens.Count} Tokens, {text.Length} Zeichen · Kodierung {encodingName} · ␣ = Leerzeichen", 12, "start", "#666", italic: true);
        return svg.ToString();
    }
}
