namespace GenAI;

/// <summary>Facts about the course and this library build, shown by <c>genai about</c>.</summary>
public static class CourseInfo
{
    /// <summary>The course title.</summary>
    public const string Title = "Generative KI mit C#";

    /// <summary>The library's informational version.</summary>
    public static string Version =>
        typeof(CourseInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>
    /// One line naming the course, this library and TorchSharp, e.g. "Generative KI mit C# · GenAI 1.0.0.0 · TorchSharp 0.107.0".
    /// Chapters show it at the end of their first cell: it says which versions run, and it loads GenAI.dll there, so the
    /// library's formatters are registered before the first table. (On the official .NET Interactive kernel a
    /// <c>#r</c> of a DLL loads nothing until code uses it, and tables drawn before that fall back to its object trees.)
    /// </summary>
    public static string Describe() =>
        $"{Title} · GenAI {Version} · TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3)}";

    /// <summary>Environment variable naming a folder with datasets and corpora (checked first).</summary>
    public const string DataDirVariable = "GENAI_DATA_DIR";
}
