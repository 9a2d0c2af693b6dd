using System.Text;
using GenAI.Data;

namespace GenAI.Cli.Commands;

/// <summary>The text table behind <c>genai data list</c>.</summary>
public static class DataTable
{
    /// <summary>Renders one row per entry: name, whether present, the source it would use, description.</summary>
    public static string Render(DataFileResolver resolver, IReadOnlyList<DataEntry> entries)
    {
        var rows = new List<string[]> { new[] { "NAME", "VORHANDEN", "QUELLE", "BESCHREIBUNG" } };
        foreach (var entry in entries)
        {
            var (present, source) = Describe(resolver, entry);
            rows.Add([entry.Name, present, source, entry.Description]);
        }
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.AppendLine($"Datenordner ({DataFileResolver.DataDirVariable}): {resolver.DataDirectory ?? "nicht gesetzt"}");
        text.AppendLine($"Cache: {resolver.CacheDirectory}");
        if (!resolver.AllowDownload) text.AppendLine($"Downloads abgeschaltet ({DataFileResolver.OfflineVariable}=1)");
        if (resolver.MirrorUrl is not null) text.AppendLine($"Spiegelserver ({DataFileResolver.MirrorVariable}): {resolver.MirrorUrl}");
        text.AppendLine();
        foreach (var row in rows)
            text.AppendLine($"{row[0].PadRight(widths[0])}  {row[1].PadRight(widths[1])}  {row[2].PadRight(widths[2])}  {row[3]}".TrimEnd());
        text.AppendLine();
        text.AppendLine("Herunterladen: genai data fetch NAME. Ohne Internet: Dateien in den Datenordner legen (Unterordner wie im Cache).");
        return text.ToString();
    }

    private static (string Present, string Source) Describe(DataFileResolver resolver, DataEntry entry)
    {
        if (entry.IsEmbedded) return ("ja", "eingebettet");
        var locations = entry.Files.Select(resolver.Locate).ToArray();
        int found = locations.Count(l => l.IsPresent);
        string present = found == locations.Length ? "ja" : found == 0 ? "nein" : $"teilweise ({found}/{locations.Length})";
        var sources = locations.Select(l => l.Source switch
        {
            DataSource.DataDirectory => "Datenordner",
            DataSource.Cache => "Cache",
            DataSource.System => $"System ({Path.GetDirectoryName(l.Path)})",
            DataSource.Download => $"Download von {resolver.DownloadUrl(l.File)!.Host}",
            DataSource.Missing => "von Hand in den Datenordner legen",
            _ => l.Source.ToString(),
        }).Distinct();
        return (present, string.Join(" + ", sources));
    }
}
