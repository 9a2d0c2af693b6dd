using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAI.Kernel;

/// <summary>
/// Writes and removes the kernelspec (docs/kernels.rst "Kernel specs"): a folder named after the
/// kernel holding <c>kernel.json</c>. VS Code looks in fixed places — <c>~/.local/share/jupyter/kernels</c>
/// on Linux, <c>~/Library/Jupyter/kernels</c> on macOS, <c>%APPDATA%\jupyter\kernels</c> on Windows,
/// plus <c>$JUPYTER_PATH/kernels</c> (docs/kernel-notes.md §8).
/// </summary>
public static class KernelSpec
{
    /// <summary>The per-user kernels folder; <c>JUPYTER_DATA_DIR</c> overrides the platform default.</summary>
    public static string UserKernelsDirectory()
    {
        var dataDir = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrEmpty(dataDir)) return Path.Combine(dataDir, "kernels");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter", "kernels");
        return Path.Combine(home, ".local", "share", "jupyter", "kernels");
    }

    /// <summary>The kernels folder below an installation prefix (<c>PREFIX/share/jupyter/kernels</c>).</summary>
    public static string PrefixKernelsDirectory(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>
    /// The kernel.json content: a bare <c>{connection_file}</c> argv element (VS Code may quote the
    /// <c>--x={connection_file}</c> form, docs/kernel-notes.md §7) and message-mode interrupts, since VS Code sends
    /// interrupt_request on shell and a .NET process has no useful SIGINT default (docs/kernel-notes.md §3, §4).
    /// </summary>
    public static JsonObject Create(string dotnetHost, string cliAssembly) => new()
    {
        ["argv"] = new JsonArray(dotnetHost, Path.GetFullPath(cliAssembly), "kernel", "start", "-f", "{connection_file}"),
        ["display_name"] = KernelInfo.DisplayName,
        ["language"] = KernelInfo.Language,
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>
    /// Writes <c>kernels/genai-csharp/kernel.json</c> below <paramref name="kernelsDirectory"/>, atomically
    /// (temp file, then rename), and returns the spec's folder.
    /// </summary>
    public static string Install(string kernelsDirectory, string dotnetHost, string cliAssembly)
    {
        var folder = Path.Combine(kernelsDirectory, KernelInfo.KernelName);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, "kernel.json");
        var temp = target + ".tmp";
        File.WriteAllText(temp, Create(dotnetHost, cliAssembly).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temp, target, overwrite: true);
        return folder;
    }

    /// <summary>Removes the spec folder below <paramref name="kernelsDirectory"/>; false when it was not there.</summary>
    public static bool Uninstall(string kernelsDirectory)
    {
        var folder = Path.Combine(kernelsDirectory, KernelInfo.KernelName);
        if (!Directory.Exists(folder)) return false;
        Directory.Delete(folder, recursive: true);
        return true;
    }

    /// <summary>
    /// The dotnet host to put in argv, as an absolute path when it can be found (GUI apps such as VS Code
    /// on macOS often lack dotnet on their PATH): the running host, else the <c>dotnet</c> beside the
    /// runtime we run on (<c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/</c>), else plain <c>dotnet</c>.
    /// </summary>
    public static string CurrentDotnetHost()
    {
        var process = Environment.ProcessPath;
        if (process is not null && string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase))
            return process;
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (!string.IsNullOrEmpty(runtime))
        {
            var host = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
            if (File.Exists(host)) return host;
        }
        return "dotnet";
    }
}
