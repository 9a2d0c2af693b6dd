using System.Text.Json.Nodes;
using GenAI.Kernel.Protocol;
using GenAI.Kernel.Zmtp;

namespace GenAI.Kernel;

public sealed partial class JupyterKernel
{
    private void HandleComplete(JupyterMessage request, RouterSocket socket)
    {
        string code = request.GetString("code");
        int cursor = CodePoints.ToUtf16(code, request.GetInt("cursor_pos", CodePoints.FromUtf16(code, code.Length)));
        var result = Engine.Complete(code, cursor);
        int start = CodePoints.FromUtf16(code, result.Start), end = CodePoints.FromUtf16(code, result.End);
        var metadata = new JsonObject();
        if (result.Kinds is { } kinds)
            metadata["_jupyter_types_experimental"] = new JsonArray([.. result.Matches.Zip(kinds, (text, kind) =>
                (JsonNode?)new JsonObject { ["start"] = start, ["end"] = end, ["text"] = text, ["type"] = kind })]);
        Reply(socket, request, "complete_reply", new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray([.. result.Matches.Select(m => (JsonNode?)m)]),
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            ["metadata"] = metadata,
        });
    }

    private void HandleInspect(JupyterMessage request, RouterSocket socket)
    {
        string code = request.GetString("code");
        int cursor = CodePoints.ToUtf16(code, request.GetInt("cursor_pos", CodePoints.FromUtf16(code, code.Length)));
        var text = Engine.Inspect(code, cursor, request.GetInt("detail_level", 0));
        Reply(socket, request, "inspect_reply", new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        });
    }

    private void HandleIsComplete(JupyterMessage request, RouterSocket socket)
    {
        string code = request.GetString("code");
        string status = Engine.IsComplete(code);
        var content = new JsonObject { ["status"] = status };
        if (status == "incomplete") content["indent"] = NextIndent(code);
        Reply(socket, request, "is_complete_reply", content);
    }

    /// <summary>The last line's indentation, one level deeper after an opening brace or parenthesis.</summary>
    internal static string NextIndent(string code)
    {
        var lastLine = code.TrimEnd('\r', '\n').Split('\n')[^1];
        var indent = lastLine[..(lastLine.Length - lastLine.TrimStart().Length)];
        return lastLine.TrimEnd().EndsWith('{') || lastLine.TrimEnd().EndsWith('(') ? indent + "    " : indent;
    }
}
