using Microsoft.Data.Analysis;

namespace GenAI.Display;

public static partial class TableFormatter
{
    /// <summary>
    /// A Microsoft.Data.Analysis <see cref="DataFrame"/> as a table, as pandas shows one: its column names as headers
    /// (underscores as spaces), its first <see cref="MaxRows"/> rows and "… N weitere Zeilen", in the same German
    /// number format as every other table. The one path by which the library's tables reach a notebook, on our engine
    /// and on the official .NET Interactive kernel.
    /// </summary>
    public static MimeBundle ToMimeBundle(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Format(DataFrameTable([.. frame.Columns], frame.Rows.Count));
    }

    /// <summary>The HTML of <see cref="ToMimeBundle(DataFrame)"/>, for displays that put a table below something else.</summary>
    public static string ToHtml(DataFrame frame) => ToMimeBundle(frame)[MimeBundle.TextHtml];

    /// <summary>The plain text of <see cref="ToMimeBundle(DataFrame)"/>: aligned columns, the same cells as the HTML.</summary>
    public static string ToPlainText(DataFrame frame) => ToMimeBundle(frame)[MimeBundle.TextPlain];

    private static Table DataFrameTable(IReadOnlyList<DataFrameColumn> columns, long rowCount)
    {
        var headers = columns.Select(c => Header(c.Name)).ToArray();
        var numeric = columns.Select(c => IsNumeric(c.DataType)).ToArray();
        long shown = Math.Min(rowCount, MaxRows);
        var rows = new List<string[]>();
        for (long r = 0; r < shown; r++)
            rows.Add([.. columns.Select((c, i) => Cell(c[r], IsIdentifier(headers[i])))]);
        return new Table(headers, rows, numeric, rowCount - shown, false);
    }
}
