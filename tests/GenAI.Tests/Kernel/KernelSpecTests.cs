using System.Diagnostics;
using System.Text.Json.Nodes;
using GenAI.Kernel;

namespace GenAI.Tests.Kernel;

/// <summary>genai kernel install/uninstall: the kernelspec VS Code and Jupyter discover, written only to temporary prefixes here.</summary>
public class KernelSpecTests
{
    [Test]
    public void Kernelspec_uses_message_interrupts_and_a_bare_connection_file_argument()
    {
        var spec = KernelSpec.Create("/opt/dotnet/dotnet", "/repo/artifacts/bin/GenAI.Cli/release/GenAI.Cli.dll");
        Assert.That(spec["argv"]!.AsArray().Select(a => (string?)a), Is.EqualTo(new[]
            { "/opt/dotnet/dotnet", Path.GetFullPath("/repo/artifacts/bin/GenAI.Cli/release/GenAI.Cli.dll"), "kernel", "start", "-f", "{connection_file}" }));
        Assert.That((string?)spec["interrupt_mode"], Is.EqualTo("message"));
        Assert.That((string?)spec["display_name"], Is.EqualTo("C# (GenAI)"));
        Assert.That((string?)spec["language"], Is.EqualTo("csharp"));
        Assert.That(spec["metadata"]!["vscode"], Is.Null, "metadata.vscode.extension_id would hide the kernel in VS Code");
    }

    [Test]
    public void Jupyter_data_dir_overrides_the_user_kernels_folder()
    {
        var previous = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        try
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", "/tmp/jupyter-data");
            Assert.That(KernelSpec.UserKernelsDirectory(), Is.EqualTo(Path.Combine("/tmp/jupyter-data", "kernels")));
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", null);
            var expected = OperatingSystem.IsWindows() ? Path.Combine("jupyter", "kernels")
                : OperatingSystem.IsMacOS() ? Path.Combine("Library", "Jupyter", "kernels")
                : Path.Combine(".local", "share", "jupyter", "kernels");
            Assert.That(KernelSpec.UserKernelsDirectory(), Does.EndWith(expected));
        }
        finally
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", previous);
        }
    }

    [Test]
    public void Cli_install_with_prefix_is_found_by_jupyter_client_and_uninstall_removes_it()
    {
        var prefix = Directory.CreateTempSubdirectory("genai-kernel-install-").FullName;
        try
        {
            var install = Cli("kernel", "install", "--prefix", prefix);
            Assert.That(install.ExitCode, Is.Zero, install.Output);
            var specFile = Path.Combine(prefix, "share", "jupyter", "kernels", "genai-csharp", "kernel.json");
            var spec = JsonNode.Parse(File.ReadAllText(specFile))!;
            Assert.That(File.Exists((string?)spec["argv"]![1]), Is.True, "argv names the built CLI by absolute path");
            Assert.That(Cli("kernel", "install", "--prefix", prefix).ExitCode, Is.Zero, "installing again overwrites");
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(specFile)!), Is.EqualTo(new[] { specFile }), "no temp file left behind");

            if (File.Exists(PythonClients.Python) && PythonClients.Run(["-c", "import jupyter_client"], TimeSpan.FromSeconds(60)).ExitCode == 0)
            {
                var found = PythonClients.Run(["-c", "from jupyter_client.kernelspec import KernelSpecManager as M; "
                                                     + "s = M().get_kernel_spec('genai-csharp'); print(s.display_name, s.interrupt_mode, s.language)"],
                    TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter") });
                Assert.That(found.Stdout.Trim(), Is.EqualTo("C# (GenAI) message csharp"), found.Stderr);
            }

            var uninstall = Cli("kernel", "uninstall", "--prefix", prefix);
            Assert.That(uninstall.ExitCode, Is.Zero, uninstall.Output);
            Assert.That(Directory.Exists(Path.GetDirectoryName(specFile)), Is.False);
            Assert.That(Cli("kernel", "install", "--prefix", prefix, "--user").ExitCode, Is.EqualTo(2), "--prefix and --user together are refused");
        }
        finally
        {
            Directory.Delete(prefix, recursive: true);
        }
    }

    [Test]
    public void Kernel_start_with_a_missing_connection_file_names_the_file()
    {
        var result = Cli("kernel", "start", "-f", "/nonexistent/kernel-123.json");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Output, Does.Contain("/nonexistent/kernel-123.json"));
    }

    private static (int ExitCode, string Output) Cli(params string[] arguments)
    {
        var start = new ProcessStartInfo(KernelSpec.CurrentDotnetHost())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(InstalledKernel.CliAssembly());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
