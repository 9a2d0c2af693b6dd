using System.Text.Json.Nodes;

namespace GenAI.Kernel;

/// <summary>The kernel_info_reply content (messaging.rst "Kernel info"); nbclient copies language_info into notebooks.</summary>
public static class KernelInfo
{
    /// <summary>Kernel name used for the kernelspec folder and in notebooks' metadata.</summary>
    public const string KernelName = "genai-csharp";
    /// <summary>Name shown in VS Code's and JupyterLab's kernel pickers.</summary>
    public const string DisplayName = "C# (GenAI)";
    /// <summary>Language name; VS Code maps it to its C# language mode.</summary>
    public const string Language = "csharp";

    /// <summary>Builds the reply content.</summary>
    public static JsonObject Reply() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = Protocol.KernelSession.ProtocolVersion,
        ["implementation"] = KernelName,
        ["implementation_version"] = GenAI.CourseInfo.Version,
        ["language_info"] = new JsonObject
        {
            ["name"] = Language,
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"{GenAI.CourseInfo.Title}: C#-Kernel (.NET {Environment.Version}, Roslyn-Scripting)",
        ["help_links"] = new JsonArray(new JsonObject { ["text"] = "C#-Dokumentation", ["url"] = "https://learn.microsoft.com/de-de/dotnet/csharp/" }),
        ["debugger"] = false,
    };
}
