using System.Text.Json.Nodes;
using GenAI.Notebooks.Ipynb;

namespace GenAI.Kernel;

/// <summary>
/// The kernel_info_reply content (messaging.rst "Kernel info"). Names and language_info come from the
/// notebook engine's <see cref="CourseKernel"/>, which <c>genai run</c> writes into notebooks, so running a
/// notebook in VS Code (which copies language_info from this reply) does not churn its metadata.
/// </summary>
public static class KernelInfo
{
    /// <summary>Kernel name used for the kernelspec folder and in notebooks' metadata.</summary>
    public const string KernelName = CourseKernel.Name;
    /// <summary>Name shown in VS Code's and JupyterLab's kernel pickers.</summary>
    public const string DisplayName = CourseKernel.DisplayName;
    /// <summary>Language name; VS Code maps it to its C# language mode.</summary>
    public const string Language = CourseKernel.Language;

    /// <summary>Builds the reply content.</summary>
    public static JsonObject Reply() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = Protocol.KernelSession.ProtocolVersion,
        ["implementation"] = KernelName,
        ["implementation_version"] = GenAI.CourseInfo.Version,
        ["language_info"] = CourseKernel.LanguageInfo(),
        ["banner"] = $"{GenAI.CourseInfo.Title}: C#-Kernel (.NET {Environment.Version}, Roslyn-Scripting)",
        ["help_links"] = new JsonArray(new JsonObject { ["text"] = "C#-Dokumentation", ["url"] = "https://learn.microsoft.com/de-de/dotnet/csharp/" }),
        ["debugger"] = false,
    };
}
