using System.Text.Json.Nodes;
using GenAI.Kernel;
using GenAI.Kernel.Protocol;

namespace GenAI.Tests.Kernel;

/// <summary>A <see cref="JupyterKernel"/> on free loopback ports with its connection file in a temp folder.</summary>
internal sealed class InProcessKernel : IDisposable
{
    public const string Key = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

    public InProcessKernel(IKernelEngine engine)
    {
        Engine = engine;
        Folder = Directory.CreateTempSubdirectory("genai-kernel-test-").FullName;
        Kernel = new JupyterKernel(new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, 0, 0, Key, "hmac-sha256"), () => engine, Log.Add);
        Kernel.Start();
        var bound = Kernel.BoundConnection;
        ConnectionFile = Path.Combine(Folder, "kernel.json");
        File.WriteAllText(ConnectionFile, new JsonObject
        {
            ["shell_port"] = bound.ShellPort, ["iopub_port"] = bound.IopubPort, ["stdin_port"] = bound.StdinPort,
            ["control_port"] = bound.ControlPort, ["hb_port"] = bound.HbPort, ["ip"] = "127.0.0.1", ["key"] = Key,
            ["transport"] = "tcp", ["signature_scheme"] = "hmac-sha256", ["kernel_name"] = "test",
        }.ToJsonString());
    }

    public IKernelEngine Engine { get; }
    public JupyterKernel Kernel { get; }
    public string Folder { get; }
    public string ConnectionFile { get; }
    public List<string> Log { get; } = [];

    public void Dispose()
    {
        Kernel.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
