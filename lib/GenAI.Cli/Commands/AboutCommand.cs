using System.CommandLine;
using GenAI.Display;

namespace GenAI.Cli.Commands;

/// <summary><c>genai about</c>: prints the library version and where data would be read from.</summary>
public sealed class AboutCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var command = new Command("about", "Show the course library version and environment.");
        command.SetAction(_ =>
        {
            Console.WriteLine($"{CourseInfo.Title} — GenAI {CourseInfo.Version}");
            Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores");
            var dataDir = Environment.GetEnvironmentVariable(CourseInfo.DataDirVariable);
            Console.WriteLine($"{CourseInfo.DataDirVariable} = {(string.IsNullOrEmpty(dataDir) ? "(not set)" : dataDir)}");
            using var progress = Progress.Start("Selbsttest");
            for (int i = 1; i <= 10; i++) progress.Report(i, 10);
            return 0;
        });
        return command;
    }
}
