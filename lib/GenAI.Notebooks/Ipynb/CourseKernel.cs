using System.Text.Json.Nodes;

namespace GenAI.Notebooks.Ipynb;

/// <summary>
/// How notebooks name the course's Jupyter kernel. The kernel's <c>kernel_info_reply</c> and its
/// installed kernelspec use the same values, so saving a notebook in VS Code does not churn its metadata.
/// </summary>
public static class CourseKernel
{
    /// <summary>Kernelspec name (the folder <c>genai kernel install</c> creates).</summary>
    public const string Name = "genai-csharp";
    /// <summary>Shown in the kernel picker.</summary>
    public const string DisplayName = "C# (GenAI)";
    /// <summary>Jupyter language name.</summary>
    public const string Language = "csharp";

    /// <summary><c>metadata.kernelspec</c> of a course notebook.</summary>
    public static JsonObject KernelSpec() => new()
    {
        ["display_name"] = DisplayName,
        ["language"] = Language,
        ["name"] = Name,
    };

    /// <summary><c>metadata.language_info</c> of a course notebook (and of <c>kernel_info_reply</c>).</summary>
    public static JsonObject LanguageInfo() => new()
    {
        ["file_extension"] = ".cs",
        ["mimetype"] = "text/x-csharp",
        ["name"] = Language,
        ["pygments_lexer"] = "csharp",
        ["version"] = "14.0",
    };
}
