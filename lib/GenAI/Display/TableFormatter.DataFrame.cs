using System.Collections;

namespace GenAI.Display;

public static partial class TableFormatter
{
    private const string DataFrameType = "Microsoft.Data.Analysis.DataFrame";

    /// <summary>
    /// A Microsoft.Data.Analysis <c>DataFrame</c> as a table: its column names as headers, its first
    /// <see cref="MaxRows"/> rows, "… N weitere Zeilen", in the same German number format and header style as every other table.
    /// Read through the DataFrame's own public members
    /// (Columns, Rows.Count, column Name/DataType/indexer) by name, so it works with whichever copy of the
    /// package a notebook loaded (its own <c>#r "nuget:"</c> or a library's), without this library depending on it.
    /// </summary>
    private static Table? DataFrameTable(object value)
    {
        var type = value.GetType();
        if (type.FullName != DataFrameType) return null;
        if (type.GetProperty("Columns")?.GetValue(value) is not IEnumerable columns) return null;
        var rowCollection = type.GetProperty("Rows")?.GetValue(value);
        long rowCount = rowCollection?.GetType().GetProperty("Count")?.GetValue(rowCollection) is long n ? n : 0;
        var cols = columns.Cast<object>().ToList();
        var headers = cols.Select(c => Header(c.GetType().GetProperty("Name")?.GetValue(c) as string ?? "")).ToArray();
        var numeric = cols.Select(c => c.GetType().GetProperty("DataType")?.GetValue(c) is Type t && IsNumeric(t)).ToArray();
        var indexers = cols.Select(c => c.GetType().GetProperty("Item", [typeof(long)])).ToArray();
        long shown = Math.Min(rowCount, MaxRows);
        var rows = new List<string[]>();
        for (long r = 0; r < shown; r++)
            rows.Add([.. cols.Select((c, i) => Cell(indexers[i]?.GetValue(c, [r]), IsIdentifier(headers[i])))]);
        return new Table(headers, rows, numeric, rowCount - shown, false);
    }
}
