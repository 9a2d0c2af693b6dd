namespace GenAI.Data;

/// <summary>One named dataset or corpus the course knows (what <c>genai data list</c> shows).</summary>
/// <param name="Name">Short name used in code and on the command line, e.g. <c>fashion-mnist</c>.</param>
/// <param name="Kind">"Bilder" or "Text".</param>
/// <param name="Description">One line in German.</param>
/// <param name="Files">Files to resolve; empty for embedded data, which is always present.</param>
/// <param name="License">Licence of the data, e.g. "MIT (Zalando)".</param>
public sealed record DataEntry(string Name, string Kind, string Description, IReadOnlyList<DataFile> Files, string License)
{
    /// <summary>True for data shipped inside the library.</summary>
    public bool IsEmbedded => Files.Count == 0;
}
