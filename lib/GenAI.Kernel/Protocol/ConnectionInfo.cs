using System.Net;
using System.Text.Json;

namespace GenAI.Kernel.Protocol;

/// <summary>
/// The connection file a Jupyter client writes before starting the kernel (messaging.rst
/// "Connection files"): five ports, the address to bind, and the HMAC key. Unknown keys are ignored.
/// </summary>
public sealed record ConnectionInfo(
    string Transport, string Ip, int ShellPort, int IopubPort, int StdinPort, int ControlPort, int HbPort,
    string Key, string SignatureScheme)
{
    /// <summary>The address to bind: the file's <c>ip</c>, with <c>*</c> and <c>0.0.0.0</c> meaning every interface.</summary>
    public IPAddress BindAddress => Ip is "*" or "0.0.0.0" or "" ? IPAddress.Any
        : IPAddress.TryParse(Ip, out var address) ? address
        : throw new InvalidDataException($"The connection file's \"ip\" is \"{Ip}\", which is not an IP address; use e.g. \"127.0.0.1\".");

    /// <summary>Reads a connection file. Surrounding quotes are stripped (VS Code may add them, docs/kernel-notes.md §7).</summary>
    public static ConnectionInfo Load(string path)
    {
        path = path.Trim().Trim('"', '\'');
        if (!File.Exists(path))
            throw new FileNotFoundException($"Connection file '{path}' not found. Jupyter passes it as `kernel start -f {{connection_file}}`.", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses connection-file JSON; <paramref name="source"/> names it in error messages.</summary>
    public static ConnectionInfo Parse(string json, string source = "connection file")
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not valid JSON: {e.Message}", e);
        }
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{source} must hold a JSON object.");

        string transport = String(root, "transport", "tcp");
        if (transport != "tcp")
            throw new InvalidDataException(
                $"{source} asks for transport \"{transport}\"; this kernel speaks only \"tcp\". Remove \"transport\" or set it to \"tcp\".");
        string scheme = String(root, "signature_scheme", "hmac-sha256");
        var info = new ConnectionInfo(transport, String(root, "ip", "127.0.0.1"),
            Port(root, "shell_port", source), Port(root, "iopub_port", source), Port(root, "stdin_port", source),
            Port(root, "control_port", source), Port(root, "hb_port", source), String(root, "key", ""), scheme);
        _ = MessageSigner.HashFor(scheme);   // fails early with a clear message for an unknown scheme
        return info;
    }

    private static string String(JsonElement root, string name, string fallback) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : fallback;

    private static int Port(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var value)) return 0;    // 0: bind any free port
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int port) && port is >= 0 and <= 65535) return port;
        throw new InvalidDataException($"{source}: \"{name}\" must be a port number between 0 and 65535.");
    }
}
