using System.CommandLine;
using GenAI.Kernel;
using GenAI.Notebooks.Export;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai course</c>, the README's main job: installs the C# Jupyter kernel for VS Code (kernelspec
/// <c>genai-csharp</c> in the user's kernels folder), executes every chapter in <c>notebooks/</c> (writing the
/// outputs back), exports the handouts to <c>handouts/</c> and ends with the path of <c>handouts/index.html</c>.
/// (<c>dotnet run</c> has built everything by the time this runs, including the library the notebooks load.)
/// </summary>
public sealed class CourseCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var command = new Command("course", "C#-Kernel installieren, alle Kapitel ausführen und die Handouts schreiben (der Hauptjob des Kurses).");
        // The whole job runs in the ReadyToRun build when it is current: every chapter's first cell is faster there.
        command.SetAction(async (_, token) =>
            ReadyToRunBuild.Relaunch(Console.Out) ?? await RunAsync(FindRepositoryRoot(), Console.Out, token, KernelSpec.UserKernelsDirectory()));
        return command;
    }

    /// <summary>Runs the job; the kernelspec is written below <paramref name="kernelsDirectory"/> unless it is null.</summary>
    internal static async Task<int> RunAsync(string root, TextWriter log, CancellationToken token, string? kernelsDirectory = null)
    {
        var notebooks = Path.Combine(root, "notebooks");
        var handouts = Path.Combine(root, "handouts");
        Directory.CreateDirectory(notebooks);
        if (kernelsDirectory is not null)
        {
            log.WriteLine("== C#-Kernel für VS Code und Jupyter installieren ==");
            var build = ReadyToRunBuild.Find();
            var spec = KernelSpec.Install(kernelsDirectory, KernelSpec.CurrentDotnetHost(), build.CliAssembly);
            log.WriteLine($"Kernel \"{KernelInfo.DisplayName}\": {Path.Combine(spec, "kernel.json")}");
            if (!build.IsReadyToRun) log.WriteLine($"Hinweis: {build.Note}.");
        }
        log.WriteLine("== Kapitel ausführen ==");
        int status = await RunCommand.RunAsync([notebooks], log, token);
        if (status != 0) return status;
        log.WriteLine("== Handouts schreiben ==");
        status = await ExportCommand.ExportAsync([notebooks], handouts, new ExportOptions(), execute: false, log, token);
        if (status != 0) return status;
        log.WriteLine(Path.Combine(handouts, "index.html"));
        return 0;
    }

    /// <summary>The folder with GenAI.slnx above the current directory (the repository), else the current directory.</summary>
    internal static string FindRepositoryRoot() =>
        CourseRepository.FindRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
}
