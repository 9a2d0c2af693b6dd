using System.CommandLine;
using System.Runtime.InteropServices;
using GenAI.Kernel;
using GenAI.Kernel.CSharp;
using GenAI.Kernel.Protocol;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai kernel install|uninstall|start</c>: registers the course's C# Jupyter kernel where VS Code
/// and Jupyter find it, and runs it (the kernelspec's argv calls <c>kernel start -f {connection_file}</c>).
/// </summary>
public sealed class KernelCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var command = new Command("kernel", "Install, remove or run the C# Jupyter kernel (genai-csharp) for VS Code and Jupyter.");
        command.Subcommands.Add(Install());
        command.Subcommands.Add(Uninstall());
        command.Subcommands.Add(Start());
        return command;
    }

    private static (Option<string?> Prefix, Option<bool> User) LocationOptions() => (
        new Option<string?>("--prefix") { Description = "Install below PREFIX/share/jupyter/kernels (e.g. a virtual environment or a test folder)." },
        new Option<bool>("--user") { Description = "Install for the current user (default): where VS Code looks." });

    private static string? KernelsDirectory(ParseResult parse, Option<string?> prefix, Option<bool> user)
    {
        var prefixValue = parse.GetValue(prefix);
        if (prefixValue is not null && parse.GetValue(user))
        {
            Console.Error.WriteLine("Bitte nur eine von --prefix und --user angeben.");
            return null;
        }
        return prefixValue is null ? KernelSpec.UserKernelsDirectory() : KernelSpec.PrefixKernelsDirectory(prefixValue);
    }

    private static Command Install()
    {
        var (prefix, user) = LocationOptions();
        var install = new Command("install", "Write the kernelspec genai-csharp (\"C# (GenAI)\").") { prefix, user };
        install.SetAction(parse =>
        {
            if (KernelsDirectory(parse, prefix, user) is not { } directory) return 2;
            var build = ReadyToRunBuild.Find();
            var folder = KernelSpec.Install(directory, KernelSpec.CurrentDotnetHost(), build.CliAssembly);
            Console.WriteLine($"Kernel \"{KernelInfo.DisplayName}\" installiert: {Path.Combine(folder, "kernel.json")}");
            Console.WriteLine(build.IsReadyToRun ? $"Er startet den {build.Note}." : $"Hinweis: {build.Note}.");
            Console.WriteLine("In VS Code: Notebook öffnen, oben rechts \"Kernel auswählen\" → \"Jupyter Kernel…\" → \"C# (GenAI)\".");
            return 0;
        });
        return install;
    }

    private static Command Uninstall()
    {
        var (prefix, user) = LocationOptions();
        var uninstall = new Command("uninstall", "Remove the kernelspec genai-csharp.") { prefix, user };
        uninstall.SetAction(parse =>
        {
            if (KernelsDirectory(parse, prefix, user) is not { } directory) return 2;
            Console.WriteLine(KernelSpec.Uninstall(directory)
                ? $"Kernel {KernelInfo.KernelName} entfernt aus {directory}."
                : $"Kein Kernel {KernelInfo.KernelName} in {directory} gefunden; nichts zu tun.");
            return 0;
        });
        return uninstall;
    }

    private static Command Start()
    {
        var file = new Option<string>("--connection-file", "-f") { Description = "The connection file Jupyter writes ({connection_file}).", Required = true };
        var start = new Command("start", "Run the kernel (Jupyter and VS Code call this through the kernelspec).") { file };
        start.SetAction(async (parse, _) =>
        {
            ConnectionInfo info;
            try
            {
                info = ConnectionInfo.Load(parse.GetValue(file)!);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            var workingDirectory = Environment.CurrentDirectory;   // Jupyter starts kernels in the notebook's folder
            var kernel = new JupyterKernel(info, () => new CSharpEngine(workingDirectory));
            // jupyter_client sends SIGINT before every shutdown and in signal mode; without a handler
            // .NET would die (docs/kernel-notes.md §3). We interrupt the running cell instead.
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                kernel.Interrupt();
            });
            try
            {
                kernel.Start();
                await kernel.WaitForShutdownAsync().ConfigureAwait(false);
                await kernel.FlushAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                kernel.Dispose();
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"[genai-kernel] {e}");
                Environment.Exit(1);
            }
            // A cell may have left foreground threads running; the client expects the process to end now.
            Environment.Exit(0);
            return 0;
        });
        return start;
    }
}
