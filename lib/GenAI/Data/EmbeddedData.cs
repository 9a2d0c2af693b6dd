using System.IO.Compression;

namespace GenAI.Data;

/// <summary>Files shipped inside GenAI.dll (folder <c>Data/Embedded</c>), each with its licence notice beside it in the repository.</summary>
internal static class EmbeddedData
{
    /// <summary>Opens an embedded file; <c>.gz</c> files are decompressed on the fly.</summary>
    public static Stream Open(string fileName)
    {
        var name = "GenAI.Data.Embedded." + fileName;
        var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
                     ?? throw new InvalidOperationException($"Die eingebettete Datei {name} fehlt in GenAI.dll (Build-Fehler).");
        return fileName.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>Reads an embedded UTF-8 text file.</summary>
    public static string ReadText(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        return reader.ReadToEnd();
    }
}
