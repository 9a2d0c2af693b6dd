namespace GenAI;

/// <summary>Facts about the course and this library build, shown by <c>genai about</c>.</summary>
public static class CourseInfo
{
    /// <summary>The course title.</summary>
    public const string Title = "Generative KI mit C#";

    /// <summary>The library's informational version.</summary>
    public static string Version =>
        typeof(CourseInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>Environment variable naming a folder with datasets and corpora (checked first).</summary>
    public const string DataDirVariable = "GENAI_DATA_DIR";
}
