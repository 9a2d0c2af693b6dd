using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.Json;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Restores the packages of <c>#r "nuget: …"</c> for one session the way .NET Interactive does: a generated
/// project with one PackageReference per package, <c>dotnet restore</c>, then the assemblies and native
/// folders NuGet resolved for this framework and runtime (<c>obj/project.assets.json</c>). Packages in the
/// NuGet cache restore offline. A failed restore leaves the session's packages as they were.
/// (.NET Interactive's own PackageManagement package does the same, but pins Roslyn 5.0 exactly, against our
/// 5.12, and brings the F# compiler along: 24 MB more in every build, ReadyToRun included.)
/// </summary>
internal sealed class PackageRestorer(string notebookDirectory) : IDisposable
{
    private readonly Dictionary<string, string[]> _assembliesByReference = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PackageRequest> _restored = [];
    private readonly List<string> _sources = [];
    private readonly string _projectDirectory = Path.Combine(Path.GetTempPath(), "genai-nuget", Guid.NewGuid().ToString("N"));
    private static readonly object NativeGate = new();
    private static readonly Dictionary<string, string[]> NativeFolders = new(StringComparer.Ordinal);
    private static bool _nativeResolverInstalled;

    /// <summary>All assemblies of the packages restored so far (with their dependencies), for this runtime.</summary>
    public IReadOnlyList<string> Assemblies { get; private set; } = [];

    /// <summary>The assemblies a restored <c>nuget:</c> reference stands for, or null when it was not restored.</summary>
    public IReadOnlyList<string>? AssembliesFor(string reference) =>
        _assembliesByReference.TryGetValue(Key(reference), out var paths) ? paths : null;

    private static string Key(string reference) => reference.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);

    /// <summary>
    /// Restores what <paramref name="packages"/> add to the session, showing progress through <paramref name="cell"/>.
    /// Returns null on success, else a German message that names the package and what to do.
    /// </summary>
    public async Task<string?> RestoreAsync(
        IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources, CellContext cell, CancellationToken cancellationToken)
    {
        foreach (var request in packages)
            if (!PackageDirectives.IsValidId(request.Name))
                return $"#r \"{request.Reference}\": „{request.Name}“ ist kein gültiger Paketname. "
                    + "Schreibe #r \"nuget: Paketname, Version\" (die Version darfst du weglassen).";
        foreach (var source in sources.Where(s => !_sources.Contains(s, StringComparer.Ordinal))) _sources.Add(source);
        var pending = packages.Where(p => AssembliesFor(p.Reference) is null).DistinctBy(p => Key(p.Reference)).ToList();
        if (pending.Count == 0) return null;
        foreach (var p in pending)
            if (_restored.FirstOrDefault(r => string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase)) is { } earlier && earlier.Version != p.Version)
                return $"#r \"{p.Reference}\": „{p.Name}“ ist in dieser Sitzung schon als „{earlier.Reference}“ geladen. " +
                       "Eine Sitzung lädt jedes Paket nur in einer Version; starte den Kernel neu, um die Version zu wechseln.";

        string Described(Func<PackageRequest, string> describe) => string.Join(", ", pending.Select(describe));
        var displayId = "nuget-" + Guid.NewGuid().ToString("N");
        cell.Display(Bundle($"Installiere {Described(p => p.Version is null ? p.Name : $"{p.Name}, {p.Version}")} …"), displayId);

        // Every restore asks for all packages of the session, so NuGet resolves shared dependencies once, consistently.
        var all = _restored.Concat(pending).ToList();
        var (exitCode, log) = await RunRestoreAsync(all, cancellationToken).ConfigureAwait(false);
        Dictionary<string, ResolvedPackage>? resolved = null;
        if (exitCode == 0) resolved = ReadAssets();
        if (resolved is null)
        {
            cell.UpdateDisplay(Bundle($"Nicht installiert: {Described(p => p.Name)}"), displayId);
            var errors = log.Split('\n').Select(l => l.Trim())
                .Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.StartsWith("error ", StringComparison.Ordinal))
                .Select(TrimProjectPath).Distinct().ToList();
            return $"Das NuGet-Paket {Described(p => p.Version is null ? $"„{p.Name}“" : $"„{p.Name}“ in Version {p.Version}")} ist nicht verfügbar. " +
                   "Prüfe Name und Version (nuget.org); ohne Netz lädt nur, was schon im NuGet-Cache liegt (~/.nuget/packages). Die Sitzung ist unverändert." +
                   (errors.Count > 0 ? Environment.NewLine + string.Join(Environment.NewLine, errors) : Environment.NewLine + log.Trim());
        }

        var assemblies = resolved.Values.SelectMany(r => r.Assemblies).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var p in pending)
        {
            _restored.Add(p);
            _assembliesByReference[Key(p.Reference)] = assemblies;
        }
        // Earlier references see the newer, consistent set too (a later package may lift a shared dependency).
        foreach (var key in _assembliesByReference.Keys.ToList()) _assembliesByReference[key] = assemblies;
        Assemblies = assemblies;
        AddNativeFolders(resolved.Values.Where(r => r.NativeFolders.Length > 0).Select(r => (r.Root, r.NativeFolders)));
        cell.UpdateDisplay(InstalledBundle(pending.Select(p => resolved.TryGetValue(p.Name, out var r) ? $"{r.Name}, {r.Version}" : p.Name)), displayId);
        return null;
    }

    private async Task<(int ExitCode, string Log)> RunRestoreAsync(IReadOnlyList<PackageRequest> packages, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_projectDirectory);
        var project = Path.Combine(_projectDirectory, "NotebookPackages.csproj");
        var framework = $"net{Environment.Version.Major}.0";
        var references = string.Concat(packages.Select(p =>
            $"\n    <PackageReference Include=\"{SecurityElement.Escape(p.Name)}\" Version=\"{SecurityElement.Escape(p.Version ?? "*")}\" />"));
        var sources = _sources.Count == 0
            ? ""
            : $"\n    <RestoreAdditionalProjectSources>{SecurityElement.Escape(string.Join(';', _sources.Select(FullSource)))}"
              + "</RestoreAdditionalProjectSources>";
        // The project lies outside any repository, so no Directory.Build.props or central package versions apply.
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NuGetAudit>false</NuGetAudit>{sources}
              </PropertyGroup>
              <ItemGroup>{references}
              </ItemGroup>
            </Project>
            """);
        var start = new ProcessStartInfo(DotnetHost(), ["restore", project, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _projectDirectory,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet restore did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try { await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    // A relative folder in #i means the notebook's folder; the restore runs elsewhere.
    private string FullSource(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile ? source : Path.GetFullPath(Path.Combine(notebookDirectory, source));

    private sealed record ResolvedPackage(string Name, string Version, string Root, string[] Assemblies, string[] NativeFolders);

    /// <summary>Reads NuGet's resolution: per package its folder, runtime assemblies and native folders for this runtime.</summary>
    private Dictionary<string, ResolvedPackage>? ReadAssets()
    {
        var assetsPath = Path.Combine(_projectDirectory, "obj", "project.assets.json");
        if (!File.Exists(assetsPath)) return null;
        using var assets = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var root = assets.RootElement;
        var packageFolders = root.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
        var target = root.GetProperty("targets").EnumerateObject().First().Value;   // the one framework, no runtime
        var libraries = root.GetProperty("libraries");
        var runtimes = RuntimeFallbacks();
        var result = new Dictionary<string, ResolvedPackage>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in target.EnumerateObject())
        {
            if (!entry.Value.TryGetProperty("type", out var type) || type.GetString() != "package") continue;
            var (name, version) = (entry.Name[..entry.Name.IndexOf('/')], entry.Name[(entry.Name.IndexOf('/') + 1)..]);
            var relative = libraries.GetProperty(entry.Name).GetProperty("path").GetString()!;
            var folder = packageFolders.Select(f => Path.Combine(f, relative)).FirstOrDefault(Directory.Exists);
            if (folder is null) continue;
            var managed = Assets(entry.Value, "runtime").Where(p => !p.EndsWith("/_._", StringComparison.Ordinal)).ToList();
            // A runtime-specific managed assembly replaces the portable one of the same name.
            var specific = RuntimeTargets(entry.Value, "runtime", runtimes);
            foreach (var path in specific)
                managed.RemoveAll(p => string.Equals(Path.GetFileName(p), Path.GetFileName(path), StringComparison.OrdinalIgnoreCase));
            managed.AddRange(specific);
            var natives = RuntimeTargets(entry.Value, "native", runtimes).Select(p => Path.GetDirectoryName(Path.Combine(folder, p))!).Distinct().ToArray();
            result[name] = new ResolvedPackage(name, version, folder, [.. managed.Select(p => Path.GetFullPath(Path.Combine(folder, p)))], natives);
        }
        return result;
    }

    private static IEnumerable<string> Assets(JsonElement package, string kind) =>
        package.TryGetProperty(kind, out var files) ? files.EnumerateObject().Select(f => f.Name) : [];

    // runtimeTargets: { "runtimes/linux-x64/native/libx.so": { "assetType": "native", "rid": "linux-x64" } }; the most specific rid wins.
    private static List<string> RuntimeTargets(JsonElement package, string assetType, IReadOnlyList<string> runtimes)
    {
        if (!package.TryGetProperty("runtimeTargets", out var targets)) return [];
        var byRid = targets.EnumerateObject()
            .Where(t => t.Value.GetProperty("assetType").GetString() == assetType && !t.Name.EndsWith("/_._", StringComparison.Ordinal))
            .GroupBy(t => t.Value.GetProperty("rid").GetString() ?? "")
            .ToDictionary(g => g.Key, g => g.Select(t => t.Name).ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var rid in runtimes)
            if (byRid.TryGetValue(rid, out var files)) return files;
        return [];
    }

    // This machine's runtime identifier and its portable fallbacks (linux-x64 → linux → unix → any).
    private static List<string> RuntimeFallbacks()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        return [.. new[] { RuntimeInformation.RuntimeIdentifier, $"{os}-{arch}", os, OperatingSystem.IsWindows() ? "win" : "unix", "any" }.Distinct()];
    }

    // The dotnet host running us (the kernel and genai run under it), else the one on PATH.
    private static string DotnetHost()
    {
        var process = Environment.ProcessPath;
        if (process is not null && string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase)) return process;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidate = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }

    // "/tmp/genai-nuget/…/NotebookPackages.csproj : error NU1101: …" → "error NU1101: …"
    private static string TrimProjectPath(string line)
    {
        int marker = line.IndexOf("proj : ", StringComparison.Ordinal);
        return marker >= 0 ? line[(marker + "proj : ".Length)..] : line;
    }

    private static MimeBundle Bundle(string text) =>
        new MimeBundle().Add(MimeBundle.TextPlain, text).Add(MimeBundle.TextHtml, $"<div>{HtmlText.Escape(text)}</div>");

    private static MimeBundle InstalledBundle(IEnumerable<string> packages)
    {
        var list = packages.ToList();
        var html = "<div><strong>Installierte Pakete</strong><ul>"
            + string.Concat(list.Select(p => $"<li><span>{HtmlText.Escape(p)}</span></li>"))
            + "</ul></div>";
        return new MimeBundle().Add(MimeBundle.TextPlain, "Installierte Pakete:" + string.Concat(list.Select(p => Environment.NewLine + "• " + p)))
            .Add(MimeBundle.TextHtml, html);
    }

    // Native libraries of a package (runtimes/<rid>/native/) are found when its managed code asks for them:
    // every assembly loaded from a restored package gets a DllImport resolver that looks there first.
    // (The script's assemblies load in Roslyn's own load context, so AssemblyLoadContext.Default's
    // ResolvingUnmanagedDll would never see them.)
    private static void AddNativeFolders(IEnumerable<(string Root, string[] Folders)> packages)
    {
        lock (NativeGate)
        {
            foreach (var (root, folders) in packages) NativeFolders[Path.GetFullPath(root)] = folders;
            if (_nativeResolverInstalled || NativeFolders.Count == 0) return;
            _nativeResolverInstalled = true;
            AppDomain.CurrentDomain.AssemblyLoad += (_, e) => ResolveNativesOf(e.LoadedAssembly);
        }
    }

    private static void ResolveNativesOf(System.Reflection.Assembly assembly)
    {
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location)) return;
        string[]? folders = null;
        lock (NativeGate)
            foreach (var (root, candidates) in NativeFolders)
                if (assembly.Location.StartsWith(root, StringComparison.Ordinal)) { folders = candidates; break; }
        if (folders is null) return;
        try
        {
            NativeLibrary.SetDllImportResolver(assembly, (name, _, _) =>
            {
                foreach (var folder in folders)
                    foreach (var file in new[] { name, $"{name}.dll", $"lib{name}.so", $"{name}.so", $"lib{name}.dylib", $"{name}.dylib" })
                        if (File.Exists(Path.Combine(folder, file))) return NativeLibrary.Load(Path.Combine(folder, file));
                return IntPtr.Zero;
            });
        }
        catch (InvalidOperationException) { }   // the package set its own resolver: it knows best
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try { if (Directory.Exists(_projectDirectory)) Directory.Delete(_projectDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
