namespace GenAI.Tests.Notebooks;

/// <summary>
/// A scratch folder four levels below the repository root (artifacts/tmp/&lt;id&gt;/fixtures), so the
/// fixture's <c>#r "../../../../artifacts/bin/GenAI/lib/GenAI.dll"</c> resolves there as it does in place.
/// </summary>
internal sealed class TempNotebookFolder : IDisposable
{
    public TempNotebookFolder()
    {
        Root = System.IO.Path.Combine(RepoPaths.Root, "artifacts", "tmp", Guid.NewGuid().ToString("N")[..12]);
        Path = System.IO.Path.Combine(Root, "fixtures");
        Directory.CreateDirectory(Path);
    }

    public string Root { get; }

    public string Path { get; }

    /// <summary>Copies a fixture file here and returns its new path.</summary>
    public string CopyFixture(string name)
    {
        var target = System.IO.Path.Combine(Path, name);
        File.Copy(System.IO.Path.Combine(RepoPaths.Fixtures, name), target);
        return target;
    }

    public string Write(string name, string content)
    {
        var target = System.IO.Path.Combine(Path, name);
        File.WriteAllText(target, content);
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
