namespace GenAI.Notebooks.Ipynb;

/// <summary>Expands command-line paths (folders and files) into the notebooks they name.</summary>
public static class NotebookFiles
{
    /// <summary>
    /// Folders give their <c>*.ipynb</c> files (not recursive, checkpoints skipped) in name order;
    /// files are taken as given. A path that does not exist throws with a clear message.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                result.AddRange(Directory.GetFiles(path, "*.ipynb")
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal));
            else if (File.Exists(path))
                result.Add(path);
            else
                throw new FileNotFoundException(
                    $"{path}: Weder Datei noch Ordner gefunden. Gib Notebooks (*.ipynb) oder einen Ordner wie notebooks/ an.", path);
        }
        return [.. result.Distinct(StringComparer.Ordinal)];
    }
}
