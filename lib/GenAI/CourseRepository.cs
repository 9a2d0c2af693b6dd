namespace GenAI;

/// <summary>Finds the course's repository (the folder holding <c>GenAI.slnx</c>) from wherever code runs.</summary>
public static class CourseRepository
{
    /// <summary>The file that marks the repository root.</summary>
    public const string Marker = "GenAI.slnx";

    /// <summary>
    /// The first folder at or above one of <paramref name="starts"/> (tried in order) that holds <see cref="Marker"/>,
    /// or null. Without arguments: the working directory, then the folder of the running program, so a notebook
    /// opened anywhere in a clone and a build under <c>artifacts/</c> both find it.
    /// </summary>
    public static string? FindRoot(params string[] starts)
    {
        if (starts.Length == 0) starts = [Environment.CurrentDirectory, AppContext.BaseDirectory];
        foreach (var start in starts)
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, Marker))) return dir.FullName;
        return null;
    }
}
