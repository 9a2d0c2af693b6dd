using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using GenAI.Kernel;

namespace GenAI.Cli;

/// <summary>
/// The ReadyToRun copy of this CLI that every build publishes (build/ReadyToRun.targets) into
/// <c>artifacts/publish/GenAI.Cli/&lt;config&gt;_&lt;rid&gt;/</c>. Its Roslyn is precompiled, so a kernel or runner
/// started from it answers its first cell in about half the time. Used only when it was built from the
/// same sources as the running CLI (the same module ids); otherwise the plain build is used, and
/// <see cref="Note"/> says why.
/// </summary>
public sealed record ReadyToRunBuild(string CliAssembly, bool IsReadyToRun, string Note)
{
    /// <summary>Set to 0 to use the plain build even where a current ReadyToRun build exists.</summary>
    public const string EnvironmentSwitch = "GENAI_READYTORUN";

    // The assemblies the build compiles from this repository; package assemblies are pinned by version.
    private static readonly string[] OwnAssemblies = ["GenAI.Cli.dll", "GenAI.dll", "GenAI.Notebooks.dll", "GenAI.Kernel.dll"];

    /// <summary>True when this process already runs from a ReadyToRun image of the CLI.</summary>
    public static bool CurrentProcessIsReadyToRun { get; } = IsReadyToRunImage(typeof(ReadyToRunBuild).Assembly.Location);

    /// <summary>
    /// The CLI a kernelspec or a relaunch should start: the current ReadyToRun build, else the plain build
    /// <paramref name="plainCli"/> (default: the running CLI).
    /// </summary>
    public static ReadyToRunBuild Find(string? plainCli = null)
    {
        var running = plainCli ?? typeof(ReadyToRunBuild).Assembly.Location;
        if (plainCli is null && CurrentProcessIsReadyToRun) return new(running, true, $"ReadyToRun-Build {Path.GetDirectoryName(running)}");
        var plain = new ReadyToRunBuild(running, false, "");
        if (Environment.GetEnvironmentVariable(EnvironmentSwitch) == "0")
            return plain with { Note = $"{EnvironmentSwitch}=0 gesetzt: der normale Build wird verwendet" };
        var rid = typeof(ReadyToRunBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GenAIReadyToRunRid")?.Value;
        if (string.IsNullOrEmpty(rid))
            return plain with { Note = "ohne ReadyToRun gebaut (-p:GenAIReadyToRun=false): der normale Build wird verwendet" };
        var folder = PublishFolder(Path.GetDirectoryName(running)!, rid);
        var candidate = folder is null ? null : Path.Combine(folder, "GenAI.Cli.dll");
        if (candidate is null || !File.Exists(candidate))
            return plain with
            {
                Note = $"kein ReadyToRun-Build unter artifacts/publish gefunden ({rid}): der normale Build wird verwendet; "
                    + "die erste Zelle braucht etwa 1 s länger",
            };
        if (!IsReadyToRunImage(candidate))
            return plain with { Note = $"{candidate} ist kein ReadyToRun-Image: der normale Build wird verwendet" };
        if (StaleAssembly(Path.GetDirectoryName(running)!, folder!) is { } stale)
            return plain with
            {
                Note = $"der ReadyToRun-Build in {folder} ist älter als dieser Build ({stale}); `dotnet build GenAI.slnx -c Release` erneuert ihn. "
                    + "Bis dahin wird der normale Build verwendet",
            };
        return new(candidate, true, $"ReadyToRun-Build {folder}");
    }

    /// <summary>
    /// The first of the repository's own assemblies whose ReadyToRun copy was not built from the same
    /// sources as the plain one, or null. The libraries are the very same compilation in both (same module
    /// id); the CLI is compiled a second time for the RID, so the two copies must carry the same fingerprint
    /// of its sources (build/ReadyToRun.targets).
    /// </summary>
    internal static string? StaleAssembly(string plainFolder, string publishFolder)
    {
        foreach (var name in OwnAssemblies)
        {
            var plain = Path.Combine(plainFolder, name);
            var published = Path.Combine(publishFolder, name);
            if (!File.Exists(plain) || !File.Exists(published)) return name;
            bool current = name == "GenAI.Cli.dll"
                ? SourceFingerprint(plain) is { } fingerprint && SourceFingerprint(published) == fingerprint
                : ModuleId(plain) is { } id && ModuleId(published) == id;
            if (!current) return name;
        }
        return null;
    }

    /// <summary>
    /// artifacts/bin/GenAI.Cli/&lt;pivot&gt;/ → artifacts/publish/GenAI.Cli/&lt;pivot&gt;_&lt;rid&gt;/ (the SDK's artifacts layout).
    /// </summary>
    internal static string? PublishFolder(string plainFolder, string rid)
    {
        var pivot = new DirectoryInfo(plainFolder);
        var project = pivot.Parent;
        var bin = project?.Parent;
        if (project is null || bin is null || bin.Parent is null || bin.Name != "bin") return null;
        return Path.Combine(bin.Parent.FullName, "publish", project.Name, $"{pivot.Name}_{rid}");
    }

    /// <summary>The module version id of an assembly (changes with every compilation of different sources), or null.</summary>
    internal static Guid? ModuleId(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The value of the assembly's <c>[AssemblyMetadata("GenAISourceFingerprint", …)]</c>, read without loading it; or null.</summary>
    internal static string? SourceFingerprint(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
                var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (constructor.Parent.Kind != HandleKind.TypeReference
                    || !metadata.StringComparer.Equals(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name, "AssemblyMetadataAttribute"))
                    continue;
                // ECMA-335 II.23.3: prolog 0x0001, then the two string arguments.
                var blob = metadata.GetBlobReader(attribute.Value);
                if (blob.ReadUInt16() != 1) continue;
                if (blob.ReadSerializedString() == "GenAISourceFingerprint") return blob.ReadSerializedString();
            }
            return null;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the file carries a ReadyToRun header (precompiled native code beside its IL).</summary>
    internal static bool IsReadyToRunImage(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs this command line again in the ReadyToRun build and returns its exit code, or null to run here
    /// (already ReadyToRun, none current, or switched off). Prints one line saying which build runs.
    /// </summary>
    public static int? Relaunch(TextWriter log)
    {
        if (CurrentProcessIsReadyToRun) return null;
        var build = Find();
        if (!build.IsReadyToRun)
        {
            log.WriteLine("Hinweis: " + build.Note + ".");
            return null;
        }
        var start = new ProcessStartInfo(KernelSpec.CurrentDotnetHost()) { UseShellExecute = false };
        start.ArgumentList.Add(build.CliAssembly);
        foreach (var argument in Environment.GetCommandLineArgs().Skip(1)) start.ArgumentList.Add(argument);
        // Ctrl+C reaches both processes (one process group): the child stops its cell, we wait for it.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
