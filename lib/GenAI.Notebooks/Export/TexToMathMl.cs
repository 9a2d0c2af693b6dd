using System.Net;
using System.Text;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Notebooks.Export;

/// <summary>
/// Converts the TeX subset the course's formulas use into MathML Core (W3C, 2023), which Chromium and
/// Firefox render natively — so handouts show math with no network and no JavaScript. Covers
/// fractions, roots, sub/superscripts, Greek, big operators with limits, function names, styled
/// alphabets (<c>\mathbb</c>, <c>\mathcal</c>, <c>\mathbf</c>), accents, <c>\left…\right</c>, <c>\text</c>
/// and matrix/cases environments. An unknown command is shown as its source text (in red), never dropped.
/// The TeX source travels along as an <c>application/x-tex</c> annotation, so copying keeps it.
/// </summary>
public sealed class TexToMathMl
{
    private enum Kind { Normal, Limits }

    private readonly string _s;
    private int _pos;
    private int _tableDepth;
    private string? _variant;

    private TexToMathMl(string tex) => _s = tex;

    /// <summary>MathML for <paramref name="tex"/>; <paramref name="display"/> selects block (<c>$$</c>) or inline (<c>$</c>) style.</summary>
    public static string Convert(string tex, bool display)
    {
        var parser = new TexToMathMl(tex);
        var body = parser.ParseTopLevel();
        var sb = new StringBuilder();
        sb.Append("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"").Append(display ? " display=\"block\"" : "").Append('>');
        sb.Append("<semantics>").Append(body);
        sb.Append("<annotation encoding=\"application/x-tex\">").Append(HtmlText.Escape(tex.Trim())).Append("</annotation>");
        sb.Append("</semantics></math>");
        return sb.ToString();
    }

    private string ParseTopLevel()
    {
        var items = new List<string>();
        while (true)
        {
            items.AddRange(ParseList());
            if (_pos >= _s.Length) break;
            // A stray closing token at the top: show it rather than lose it.
            if (_s[_pos] == '}') { _pos++; items.Add(Unknown("}")); }
            else if (_s[_pos] == '&') { _pos++; }
            else if (StartsWith("\\\\")) { _pos += 2; }
            else if (StartsWithCommand("right") || StartsWithCommand("end")) { var start = _pos; _pos++; ReadName(); items.Add(Unknown(_s[start.._pos])); }
        }
        return Row(items);
    }

    private static string Row(List<string> items) => items.Count == 1 ? items[0] : $"<mrow>{string.Concat(items)}</mrow>";

    /// <summary>Parses atoms until a closing brace, a table separator, <c>\right</c>, <c>\end</c> or the end.</summary>
    private List<string> ParseList()
    {
        var items = new List<string>();
        while (true)
        {
            SkipSpace();
            if (_pos >= _s.Length) break;
            char c = _s[_pos];
            if (c == '}' || c == '&' || StartsWith("\\\\") || StartsWithCommand("right") || StartsWithCommand("end")) break;
            if (ParseAtom() is not { } atom) continue;
            // A sign at the start, after an operator or after an opening bracket is unary (TeX: −x, not − x).
            if (atom is "<mo>−</mo>" or "<mo>+</mo>" or "<mo>±</mo>" && (items.Count == 0 || IsOperatorOrOpening(items[^1])))
                atom = atom.Insert(3, " form=\"prefix\"");
            items.Add(atom);
        }
        return items;
    }

    private static bool IsOperatorOrOpening(string item) =>
        item.StartsWith("<mo", StringComparison.Ordinal) && !item.EndsWith(")</mo>", StringComparison.Ordinal)
        && !item.EndsWith("]</mo>", StringComparison.Ordinal) && !item.EndsWith("|</mo>", StringComparison.Ordinal)
        && !item.EndsWith("⟩</mo>", StringComparison.Ordinal) && !item.EndsWith("′</mo>", StringComparison.Ordinal);

    private string? ParseAtom()
    {
        var (core, kind, suffix) = ParsePrimary(inScript: false);
        if (core is null) return null;
        string? sub = null, sup = null;
        while (true)
        {
            SkipSpace();
            if (_pos >= _s.Length) break;
            char c = _s[_pos];
            if (c == '^' && sup is null) { _pos++; sup = ParseScriptArgument(); }
            else if (c == '_' && sub is null) { _pos++; sub = ParseScriptArgument(); }
            else if (c == '\'')
            {
                var primes = new StringBuilder();
                while (_pos < _s.Length && _s[_pos] == '\'') { primes.Append('′'); _pos++; }
                sup = $"<mo>{primes}</mo>" + (sup ?? "");
                if (sup.Contains("</mo><", StringComparison.Ordinal)) sup = $"<mrow>{sup}</mrow>";
            }
            else break;
        }
        string result;
        if (kind == Kind.Limits)
            result = (sub, sup) switch
            {
                (null, null) => core,
                (_, null) => $"<munder>{core}{sub}</munder>",
                (null, _) => $"<mover>{core}{sup}</mover>",
                _ => $"<munderover>{core}{sub}{sup}</munderover>",
            };
        else
            result = (sub, sup) switch
            {
                (null, null) => core,
                (_, null) => $"<msub>{core}{sub}</msub>",
                (null, _) => $"<msup>{core}{sup}</msup>",
                _ => $"<msubsup>{core}{sub}{sup}</msubsup>",
            };
        return result + suffix;
    }

    private string ParseScriptArgument() => ParseArgument();

    /// <summary>A required argument: a braced group or a single token.</summary>
    private string ParseArgument()
    {
        SkipSpace();
        var (core, _, suffix) = ParsePrimary(inScript: true);
        var s = (core ?? "") + suffix;
        return suffix.Length > 0 || core is null ? $"<mrow>{s}</mrow>" : s;
    }

    private (string? Core, Kind Kind, string Suffix) ParsePrimary(bool inScript)
    {
        SkipSpace();
        if (_pos >= _s.Length) return (null, Kind.Normal, "");
        char c = _s[_pos];
        if (c == '{')
        {
            _pos++;
            var items = ParseList();
            if (_pos < _s.Length && _s[_pos] == '}') _pos++;
            return (items.Count == 0 ? "<mrow></mrow>" : Row(items), Kind.Normal, "");
        }
        if (c == '\\') return ParseCommand();
        _pos++;
        if (char.IsAsciiLetter(c)) return (Identifier(c.ToString()), Kind.Normal, "");
        if (char.IsAsciiDigit(c) || (c == '.' && _pos < _s.Length && char.IsAsciiDigit(_s[_pos])))
        {
            int start = _pos - 1;
            if (!inScript)
                while (_pos < _s.Length
                       && (char.IsAsciiDigit(_s[_pos]) || (_s[_pos] == '.' && _pos + 1 < _s.Length && char.IsAsciiDigit(_s[_pos + 1]))))
                    _pos++;
            var digits = _s[start.._pos];
            return ($"<mn>{(_variant is null ? digits : string.Concat(digits.Select(d => TexSymbols.Styled(d, _variant))))}</mn>", Kind.Normal, "");
        }
        return c switch
        {
            '-' => ("<mo>−</mo>", Kind.Normal, ""),
            '*' => ("<mo>∗</mo>", Kind.Normal, ""),
            '\'' => ("<mo>′</mo>", Kind.Normal, ""),
            '~' => ("<mspace width=\"0.25em\"></mspace>", Kind.Normal, ""),
            '(' or ')' or '[' or ']' or '|' => ($"<mo stretchy=\"false\">{c}</mo>", Kind.Normal, ""),
            '^' or '_' => (Unknown(c.ToString()), Kind.Normal, ""),
            _ when char.IsLetter(c) => (Identifier(c.ToString()), Kind.Normal, ""),
            _ => ($"<mo>{HtmlText.Escape(c.ToString())}</mo>", Kind.Normal, ""),
        };
    }

    private string Identifier(string text)
    {
        if (_variant is null) return $"<mi>{text}</mi>";
        var styled = string.Concat(text.Select(ch => TexSymbols.Styled(ch, _variant)));
        // Upright variants of plain letters need mathvariant="normal" where Unicode has no separate letters.
        return _variant == "normal" ? $"<mi mathvariant=\"normal\">{text}</mi>" : $"<mi>{styled}</mi>";
    }

    private (string? Core, Kind Kind, string Suffix) ParseCommand()
    {
        int start = _pos;
        _pos++;  // backslash
        var name = ReadName();
        if (name.Length == 0) return (null, Kind.Normal, "");
        if (TexSymbols.Ignored.Contains(name)) return ("", Kind.Normal, "");
        if (TexSymbols.Identifiers.TryGetValue(name, out var id)) return (Identifier(id), Kind.Normal, "");
        if (TexSymbols.UprightIdentifiers.TryGetValue(name, out var upright))
            return (_variant is "bold" or "bold-italic" ? Identifier(upright) : $"<mi mathvariant=\"normal\">{upright}</mi>", Kind.Normal, "");
        if (TexSymbols.LargeOperators.TryGetValue(name, out var large))
            return ($"<mo movablelimits=\"true\" largeop=\"true\">{large}</mo>", Kind.Limits, "");
        if (TexSymbols.Operators.TryGetValue(name, out var op))
            return ($"<mo>{HtmlText.Escape(op)}</mo>", Kind.Normal, "");
        if (TexSymbols.Functions.Contains(name)) return ($"<mi>{name}</mi>", Kind.Normal, FunctionApplication());
        if (TexSymbols.LimitFunctions.TryGetValue(name, out var limitName))
            return ($"<mo movablelimits=\"true\" form=\"prefix\">{limitName}</mo>", Kind.Limits, "");
        if (TexSymbols.Spaces.TryGetValue(name, out var width)) return ($"<mspace width=\"{width}\"></mspace>", Kind.Normal, "");
        if (TexSymbols.Accents.TryGetValue(name, out var accent))
        {
            var arg = ParseArgument();
            return ($"<mover accent=\"true\">{arg}<mo stretchy=\"{(accent.Stretchy ? "true" : "false")}\">{accent.Mark}</mo></mover>", Kind.Normal, "");
        }
        switch (name)
        {
            case "frac" or "dfrac" or "tfrac" or "cfrac":
            {
                var numerator = ParseArgument();
                var denominator = ParseArgument();
                var style = name == "dfrac" ? " displaystyle=\"true\"" : name == "tfrac" ? " displaystyle=\"false\"" : "";
                return ($"<mfrac{style}>{numerator}{denominator}</mfrac>", Kind.Normal, "");
            }
            case "binom":
            {
                var n = ParseArgument();
                var k = ParseArgument();
                return ($"<mrow><mo>(</mo><mfrac linethickness=\"0\">{n}{k}</mfrac><mo>)</mo></mrow>", Kind.Normal, "");
            }
            case "sqrt":
            {
                SkipSpace();
                string? index = null;
                if (_pos < _s.Length && _s[_pos] == '[')
                {
                    int close = _s.IndexOf(']', _pos);
                    if (close > 0) { index = new TexToMathMl(_s[(_pos + 1)..close]).ParseTopLevel(); _pos = close + 1; }
                }
                var radicand = ParseArgument();
                return (index is null ? $"<msqrt>{radicand}</msqrt>" : $"<mroot>{radicand}{index}</mroot>", Kind.Normal, "");
            }
            case "left":
            {
                var open = ReadDelimiter();
                var items = ParseList();
                string close = "";
                if (StartsWithCommand("right")) { _pos += "\\right".Length; close = ReadDelimiter(); }
                return ($"<mrow>{Fence(open)}{string.Concat(items)}{Fence(close)}</mrow>", Kind.Normal, "");
            }
            case "big" or "Big" or "bigg" or "Bigg" or "bigl" or "bigr" or "Bigl" or "Bigr" or "biggl" or "biggr" or "Biggl" or "Biggr" or "bigm" or "Bigm":
            {
                var size = name.StartsWith("Bigg", StringComparison.Ordinal) ? "3em"
                    : name.StartsWith("bigg", StringComparison.Ordinal) ? "2.4em"
                    : name.StartsWith("Big", StringComparison.Ordinal) ? "1.8em"
                    : "1.2em";
                var delimiter = ReadDelimiter();
                return (delimiter.Length == 0 ? "" : $"<mo minsize=\"{size}\" maxsize=\"{size}\">{HtmlText.Escape(delimiter)}</mo>", Kind.Normal, "");
            }
            case "text" or "textrm" or "textit" or "textbf" or "textsf" or "texttt" or "mbox" or "textnormal":
            {
                var raw = ReadRawGroup();
                return ($"<mtext>{TextContent(raw)}</mtext>", Kind.Normal, "");
            }
            case "operatorname" or "operatorname*":
            {
                bool limits = name.EndsWith('*');
                if (!limits && _pos < _s.Length && _s[_pos] == '*') { _pos++; limits = true; }
                var raw = ReadRawGroup().Trim();
                return limits
                    ? ($"<mo movablelimits=\"true\" form=\"prefix\">{HtmlText.Escape(raw)}</mo>", Kind.Limits, "")
                    : ($"<mi>{HtmlText.Escape(raw)}</mi>", Kind.Normal, FunctionApplication());
            }
            case "mathbb" or "mathcal" or "mathscr" or "mathfrak" or "mathbf" or "boldsymbol" or "bm"
                or "mathsf" or "mathtt" or "mathit" or "mathrm" or "mathnormal":
            {
                var variant = name switch
                {
                    "mathbb" => "double-struck", "mathcal" or "mathscr" => "script", "mathfrak" => "fraktur",
                    "mathbf" => "bold", "boldsymbol" or "bm" => "bold-italic", "mathsf" => "sans-serif",
                    "mathtt" => "monospace", "mathit" => "italic", "mathrm" => "normal", _ => null,
                };
                var saved = _variant;
                _variant = variant;
                var arg = ParseArgument();
                _variant = saved;
                return (arg, Kind.Normal, "");
            }
            case "overbrace" or "underbrace":
            {
                var arg = ParseArgument();
                return name == "overbrace"
                    ? ($"<mover>{arg}<mo stretchy=\"true\">⏞</mo></mover>", Kind.Limits, "")
                    : ($"<munder>{arg}<mo stretchy=\"true\">⏟</mo></munder>", Kind.Limits, "");
            }
            case "underline":
            {
                var arg = ParseArgument();
                return ($"<munder accentunder=\"true\">{arg}<mo stretchy=\"true\">_</mo></munder>", Kind.Normal, "");
            }
            case "begin":
                return (ParseEnvironment(), Kind.Normal, "");
            default:
                return (Unknown(_s[start.._pos]), Kind.Normal, "");
        }
    }

    private string ParseEnvironment()
    {
        var env = ReadRawGroup().Trim();
        if (env == "array") ReadRawGroup();  // column spec: alignment is left to the table defaults
        _tableDepth++;
        var rows = new List<List<string>>();
        var cells = new List<string>();
        while (true)
        {
            cells.Add(Row(ParseList()));
            if (_pos >= _s.Length) break;
            if (_s[_pos] == '&') { _pos++; continue; }
            if (StartsWith("\\\\"))
            {
                _pos += 2;
                rows.Add(cells);
                cells = [];
                continue;
            }
            if (StartsWithCommand("end")) { _pos += "\\end".Length; ReadRawGroup(); break; }
            if (_s[_pos] == '}') { _pos++; continue; }
            if (StartsWithCommand("right")) { _pos += "\\right".Length; ReadDelimiter(); continue; }
        }
        if (cells.Count > 1 || cells[0] != "<mrow></mrow>") rows.Add(cells);
        _tableDepth--;
        bool aligned = env.StartsWith("align", StringComparison.Ordinal) || env is "split" or "gather" or "gathered" or "eqnarray";
        var table = new StringBuilder("<mtable");
        if (aligned) table.Append(" displaystyle=\"true\"");
        table.Append('>');
        foreach (var row in rows)
        {
            table.Append("<mtr>");
            for (int i = 0; i < row.Count; i++)
            {
                var align = env == "cases" || (aligned && i % 2 == 1) ? " style=\"text-align: left\"" : aligned ? " style=\"text-align: right\"" : "";
                table.Append($"<mtd{align}>{row[i]}</mtd>");
            }
            table.Append("</mtr>");
        }
        table.Append("</mtable>");
        var (open, close) = env switch
        {
            "pmatrix" => ("(", ")"), "bmatrix" => ("[", "]"), "Bmatrix" => ("{", "}"),
            "vmatrix" => ("|", "|"), "Vmatrix" => ("‖", "‖"), "cases" => ("{", ""), _ => ("", ""),
        };
        return open.Length + close.Length == 0 ? table.ToString() : $"<mrow>{Fence(open)}{table}{Fence(close)}</mrow>";
    }

    /// <summary>After a function name: the invisible function application, plus TeX's thin space unless a bracket follows.</summary>
    private string FunctionApplication()
    {
        int p = _pos;
        while (p < _s.Length && char.IsWhiteSpace(_s[p])) p++;
        // Scripts (\log_2 x) come first; look past them only roughly: a bracket right after means no space.
        bool bracket = p < _s.Length && (_s[p] is '(' or '[' || string.CompareOrdinal(_s, p, "\\left", 0, 5) == 0);
        return bracket ? "<mo>\u2061</mo>" : "<mo>\u2061</mo><mspace width=\"0.1667em\"></mspace>";
    }

    private static string Fence(string delimiter) =>
        delimiter.Length == 0 ? "" : $"<mo stretchy=\"true\" fence=\"true\">{HtmlText.Escape(delimiter)}</mo>";

    /// <summary>Reads a delimiter after <c>\left</c>, <c>\right</c>, <c>\big</c>: a character or a command like <c>\langle</c>; <c>.</c> is none.</summary>
    private string ReadDelimiter()
    {
        SkipSpace();
        if (_pos >= _s.Length) return "";
        char c = _s[_pos];
        if (c == '\\')
        {
            _pos++;
            var name = ReadName();
            return TexSymbols.Operators.TryGetValue(name, out var symbol) ? symbol : name;
        }
        _pos++;
        return c == '.' ? "" : c.ToString();
    }

    private string ReadName()
    {
        int start = _pos;
        while (_pos < _s.Length && char.IsAsciiLetter(_s[_pos])) _pos++;
        if (_pos == start && _pos < _s.Length) _pos++;  // \, \{ \| and friends
        else if (_pos < _s.Length && _s[_pos] == '*' && _s[start.._pos] == "operatorname") _pos++;
        return _s[start.._pos];
    }

    /// <summary>The raw text of a braced group (nested braces kept), for <c>\text</c> and environment names.</summary>
    private string ReadRawGroup()
    {
        SkipSpace();
        if (_pos >= _s.Length) return "";
        if (_s[_pos] != '{') return _s[_pos++].ToString();
        int depth = 0, start = _pos + 1;
        for (; _pos < _s.Length; _pos++)
        {
            if (_s[_pos] == '\\') { _pos++; continue; }
            if (_s[_pos] == '{') depth++;
            else if (_s[_pos] == '}' && --depth == 0) { _pos++; return _s[start..(_pos - 1)]; }
        }
        return _s[start..];
    }

    /// <summary>Text in <c>\text{…}</c>: TeX escapes resolved, edge spaces kept as no-break spaces (MathML would collapse them).</summary>
    private static string TextContent(string raw)
    {
        var text = raw.Replace("\\ ", " ", StringComparison.Ordinal).Replace("\\_", "_", StringComparison.Ordinal)
            .Replace("\\%", "%", StringComparison.Ordinal).Replace("\\&", "&", StringComparison.Ordinal).Replace("~", "\u00A0", StringComparison.Ordinal);
        var encoded = HtmlText.Escape(text);
        int lead = encoded.Length - encoded.TrimStart(' ').Length, trail = encoded.Length - encoded.TrimEnd(' ').Length;
        if (encoded.Trim().Length == 0) return new string('\u00A0', encoded.Length);
        return new string('\u00A0', lead) + encoded.Trim(' ') + new string('\u00A0', trail);
    }

    private static string Unknown(string source) =>
        $"<mtext class=\"tex-unknown\" style=\"color: #b00020\">{HtmlText.Escape(source)}</mtext>";

    private void SkipSpace()
    {
        while (_pos < _s.Length && char.IsWhiteSpace(_s[_pos])) _pos++;
    }

    private bool StartsWith(string text) => string.CompareOrdinal(_s, _pos, text, 0, text.Length) == 0;

    private bool StartsWithCommand(string name) =>
        StartsWith("\\" + name) && (_pos + name.Length + 1 >= _s.Length || !char.IsAsciiLetter(_s[_pos + name.Length + 1]));
}
