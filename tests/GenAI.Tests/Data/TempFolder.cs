namespace GenAI.Tests.Data;

/// <summary>A fresh temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("genai-data-test-").FullName;

    /// <summary>Every file below the folder except hash stamps (<c>.verified/</c>), which are not data.</summary>
    public string[] AllFiles() => Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}.verified{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .ToArray();

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
