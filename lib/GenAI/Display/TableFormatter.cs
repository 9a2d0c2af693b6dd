using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using GenAI.Core;
using Microsoft.Data.Analysis;

namespace GenAI.Display;

/// <summary>
/// Shows Microsoft.Data.Analysis DataFrames (and single DataFrame columns) as tables, and sequences with the same
/// look, as DataFrame formatting did in Polyglot Notebooks: records, classes,
/// anonymous objects (one column per public property/field), tuples (Item1, Item2, …), dictionaries
/// (Schlüssel, Wert), plain values (one column "Wert"), and 2-D arrays (a matrix). Registered with
/// <see cref="Formatter"/> automatically when the library loads. Strings, MIME bundles and objects that
/// display themselves are never turned into tables.
/// Tables read German: numbers with decimal comma, thousands period and a real minus (1.234,5; 0,0239; −3),
/// at most six significant digits; integers in identifier columns ("ID", "TokenId") stay unseparated; headers
/// show member names with underscores as spaces (<c>Fehler_in_Prozent</c> → "Fehler in Prozent", acronyms kept),
/// or a member's <see cref="System.ComponentModel.DisplayNameAttribute"/> when it has one.
/// </summary>
public static partial class TableFormatter
{
    /// <summary>Rows shown before "… N weitere Zeilen".</summary>
    public static int MaxRows { get; set; } = 20;

    /// <summary>Rows counted beyond <see cref="MaxRows"/> before giving up (sequences can be endless).</summary>
    public const int CountLimit = 100_000;

    private const int MaxCellLength = 80;

    /// <summary>The formatter registered with <see cref="Formatter"/>: a table bundle, or null to pass.</summary>
    public static MimeBundle? TryFormat(object value)
    {
        if (value is string or MimeBundle or IDisplayable or IFormattable or Raster) return null;
        if (value is Array { Rank: 2 } matrix) return Format(MatrixTable(matrix));
        if (value is DataFrame frame) return ToMimeBundle(frame);
        if (value is DataFrameColumn column) return Format(DataFrameTable([column], column.Length));
        if (value is not IEnumerable sequence) return null;
        return Format(SequenceTable(sequence));
    }

    private sealed record Table(string[] Headers, List<string[]> Rows, bool[] Numeric, long Hidden, bool MoreThanCounted);

    private static MimeBundle Format(Table table) => new MimeBundle()
        .Add(MimeBundle.TextHtml, Html(table))
        .Add(MimeBundle.TextPlain, PlainText(table));

    private static Table SequenceTable(IEnumerable sequence)
    {
        var items = new List<object?>();
        long hidden = 0;
        bool more = false;
        var enumerator = sequence.GetEnumerator();
        try
        {
            while (enumerator.MoveNext())
            {
                if (items.Count < MaxRows) items.Add(enumerator.Current);
                else if (hidden < CountLimit) hidden++;
                else { more = true; break; }
            }
        }
        finally { (enumerator as IDisposable)?.Dispose(); }

        var elementType = ElementType(sequence.GetType(), items);
        var columns = Columns(elementType);
        string[] headers;
        List<string[]> rows;
        bool[] numeric;
        if (columns is null)
        {
            headers = ["Wert"];
            rows = [.. items.Select(i => new[] { Cell(i) })];
            numeric = [IsNumeric(elementType)];
        }
        else
        {
            headers = [.. columns.Select(c => c.Name)];
            rows = [.. items.Select(i => columns.Select(c => Cell(i is null ? null : c.Get(i), IsIdentifier(c.Name))).ToArray())];
            numeric = [.. columns.Select(c => IsNumeric(c.Type))];
        }
        return new Table(headers, rows, numeric, hidden, more);
    }

    private static Table MatrixTable(Array matrix)
    {
        int rows = matrix.GetLength(0), cols = matrix.GetLength(1);
        int shownRows = Math.Min(rows, MaxRows), shownCols = Math.Min(cols, 30);
        var headers = new List<string> { "" };
        headers.AddRange(Enumerable.Range(0, shownCols).Select(j => j.ToString(CultureInfo.InvariantCulture)));
        if (shownCols < cols) headers.Add("…");
        var list = new List<string[]>();
        for (int i = 0; i < shownRows; i++)
        {
            var row = new List<string> { i.ToString(CultureInfo.InvariantCulture) };
            for (int j = 0; j < shownCols; j++) row.Add(Cell(matrix.GetValue(i, j)));
            if (shownCols < cols) row.Add("…");
            list.Add([.. row]);
        }
        var numeric = Enumerable.Repeat(IsNumeric(matrix.GetType().GetElementType()!), headers.Count).ToArray();
        return new Table([.. headers], list, numeric, rows - shownRows, false);
    }

    private sealed record Column(string Name, Type Type, Func<object, object?> Get);

    private static Type ElementType(Type sequenceType, List<object?> items)
    {
        var generic = sequenceType.GetInterfaces().Append(sequenceType)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        var declared = generic?.GetGenericArguments()[0] ?? typeof(object);
        if (declared != typeof(object)) return declared;
        var types = items.Where(i => i is not null).Select(i => i!.GetType()).Distinct().ToList();
        return types.Count == 1 ? types[0] : typeof(object);
    }

    /// <summary>Columns for an element type, or null when elements are single values.</summary>
    private static List<Column>? Columns(Type type)
    {
        if (IsScalar(type)) return null;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            var key = type.GetProperty("Key")!; var value = type.GetProperty("Value")!;
            return [new("Schlüssel", key.PropertyType, o => key.GetValue(o)), new("Wert", value.PropertyType, o => value.GetValue(o))];
        }
        if (typeof(ITuple).IsAssignableFrom(type) && type.IsGenericType)
        {
            var args = type.GetGenericArguments();
            return [.. Enumerable.Range(0, Math.Min(args.Length, 7)).Select(i => new Column($"Item{i + 1}", args[i], o => ((ITuple)o)[i]))];
        }
        var members = new List<Column>();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetMethod is null) continue;
            if (p.Name == "EqualityContract") continue;
            members.Add(new Column(Header(p), p.PropertyType, o => p.GetValue(o)));
        }
        foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            members.Add(new Column(Header(f), f.FieldType, o => f.GetValue(o)));
        return members.Count == 0 ? null : members;
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(object)
            || typeof(IFormattable).IsAssignableFrom(t) || t == typeof(Type) || t == typeof(Uri);
    }

    private static bool IsNumeric(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(float)
            || t == typeof(double) || t == typeof(decimal) || t == typeof(uint) || t == typeof(ulong) || t == typeof(sbyte) || t == typeof(ushort);
    }

    /// <summary>A column header for a member: its DisplayName, else its name with underscores as spaces.</summary>
    private static string Header(MemberInfo member) =>
        member.GetCustomAttribute<System.ComponentModel.DisplayNameAttribute>()?.DisplayName is { Length: > 0 } shown
            ? shown : Header(member.Name);

    /// <summary>A C# name as a header: <c>Fehler_in_Prozent</c> → "Fehler in Prozent", <c>LSTM_ms</c> → "LSTM ms".</summary>
    internal static string Header(string name) =>
        string.Join(' ', name.Split('_', StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } spaced ? spaced : name;

    /// <summary>Identifier columns ("ID", "Id", "TokenId", "Token ID") show integers without thousands periods.</summary>
    private static bool IsIdentifier(string header) =>
        header.EndsWith("ID", StringComparison.Ordinal) || header.EndsWith("Id", StringComparison.Ordinal);

    private static string Cell(object? value, bool identifier = false)
    {
        string text = value switch
        {
            null => "",
            double d => Number(d),
            float f => Number(double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
            decimal m => Number((double)m),
            sbyte or byte or short or ushort or int or uint or long when identifier => Formatter.ToPlainText(value).Replace('-', '−'),
            sbyte or byte or short or ushort or int or uint or long => GenAI.Core.GermanNumber.Format(Convert.ToDouble(value, CultureInfo.InvariantCulture), 0),
            ulong u => identifier ? u.ToString(CultureInfo.InvariantCulture) : GenAI.Core.GermanNumber.Format(u, 0),
            bool b => b ? "ja" : "nein",
            string s => s,
            IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Take(8).Select(v => Cell(v))) + (e.Cast<object?>().Skip(8).Any() ? ", …" : "") + "]",
            _ => Formatter.ToPlainText(value),
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length > MaxCellLength ? text[..(MaxCellLength - 1)] + "…" : text;
    }

    /// <summary>
    /// A floating-point cell in German with at most six significant digits and no trailing zeros (0,0239; 1.234,5;
    /// −3), very small or very large magnitudes with a power of ten (1,5 · 10⁻⁷).
    /// </summary>
    internal static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value == 0) return GenAI.Core.GermanNumber.Format(value, 0);
        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (exponent < -4 || exponent >= 15)
        {
            double mantissa = value / Math.Pow(10, exponent);
            if (Math.Abs(Math.Round(mantissa, 5)) >= 10) { mantissa /= 10; exponent++; }
            return Number(Math.Round(mantissa, 5)) + " · " + GenAI.Core.GermanNumber.PowerOfTen(exponent);
        }
        int decimals = Math.Max(0, 5 - exponent);
        return GenAI.Core.GermanNumber.FormatShort(Math.Round(value, decimals), decimals);
    }

    private static string MoreRows(Table t) =>
        t.MoreThanCounted ? $"… mehr als {GenAI.Core.GermanNumber.Format(t.Hidden, 0)} weitere Zeilen"
        : t.Hidden == 1 ? "… 1 weitere Zeile" : $"… {GenAI.Core.GermanNumber.Format(t.Hidden, 0)} weitere Zeilen";

    private static string Html(Table t)
    {
        var html = new StringBuilder("<table class=\"genai-table\">\n<thead><tr>");
        for (int c = 0; c < t.Headers.Length; c++)
            html.Append(t.Numeric[c] ? "<th style=\"text-align:right\">" : "<th style=\"text-align:left\">")
                .Append(HtmlText.Escape(t.Headers[c])).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in t.Rows)
        {
            html.Append("<tr>");
            for (int c = 0; c < row.Length; c++)
                html.Append(t.Numeric[c] ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                    .Append(HtmlText.Escape(row[c])).Append("</td>");
            html.Append("</tr>\n");
        }
        if (t.Hidden > 0 || t.MoreThanCounted)
            html.Append("<tr><td colspan=\"").Append(t.Headers.Length).Append("\" style=\"text-align:left;font-style:italic\">")
                .Append(HtmlText.Escape(MoreRows(t))).Append("</td></tr>\n");
        if (t.Rows.Count == 0)
            html.Append("<tr><td colspan=\"").Append(t.Headers.Length).Append("\" style=\"font-style:italic\">(leer)</td></tr>\n");
        html.Append("</tbody>\n</table>");
        return html.ToString();
    }

    private static string PlainText(Table t)
    {
        var widths = t.Headers.Select((h, c) => Math.Max(h.Length, t.Rows.Count == 0 ? 0 : t.Rows.Max(r => r[c].Length))).ToArray();
        string Line(string[] cells) => string.Join(" | ", cells.Select((v, c) => t.Numeric[c] ? v.PadLeft(widths[c]) : v.PadRight(widths[c]))).TrimEnd();
        var text = new StringBuilder();
        text.Append(Line(t.Headers)).Append('\n');
        text.Append(string.Join("-+-", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in t.Rows) text.Append(Line(row)).Append('\n');
        if (t.Rows.Count == 0) text.Append("(leer)\n");
        if (t.Hidden > 0 || t.MoreThanCounted) text.Append(MoreRows(t)).Append('\n');
        return text.ToString().TrimEnd('\n');
    }
}
