using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Resolves <c>#r "path.dll"</c> relative to the notebook's folder, and a dll's own dependencies from
/// the folder it lies in. An assembly the host process already runs with (GenAI.dll when the kernel or
/// <c>genai run</c> executes the notebook) is compiled against the host's copy: at run time the default
/// load context hands the script that same copy, so <c>IDisplayable</c> or <c>Progress</c> seen by the
/// script and by the engine are one type, not two look-alikes from different files.
/// </summary>
internal sealed class NotebookReferenceResolver(string directory) : MetadataReferenceResolver
{
    private static readonly Lazy<Dictionary<string, string>> TrustedPlatformAssemblies = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            map.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        return map;
    });

    // References to files the process runs with (the framework, the host's own assemblies) never change
    // while it lives, so every session shares one reference object per file: Roslyn caches the metadata
    // and the symbols built from it on that object, and a second session binds against them at once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, MetadataReferenceProperties), PortableExecutableReference>
        HostReferences = new();

    private static PortableExecutableReference HostReference(string path, MetadataReferenceProperties properties) =>
        HostReferences.GetOrAdd((path, properties), key => MetadataReference.CreateFromFile(key.Item1, key.Item2));

    private readonly ScriptMetadataResolver _inner = ScriptMetadataResolver.Default.WithBaseDirectory(Path.GetFullPath(directory));

    public string BaseDirectory { get; } = Path.GetFullPath(directory);

    public override bool ResolveMissingAssemblies => true;

    /// <summary>The full path a <c>#r</c> file reference points to (relative to the notebook folder).</summary>
    public string FullPath(string reference) => Path.GetFullPath(Path.Combine(BaseDirectory, reference));

    // Every submission resolves its references again; handing back the same reference objects lets
    // Roslyn reuse the metadata it already read instead of loading every assembly once per cell.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<
        (string, MetadataReferenceProperties), ImmutableArray<PortableExecutableReference>> _resolved = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PortableExecutableReference?> _missing = new(StringComparer.OrdinalIgnoreCase);

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        var key = (reference, properties);
        if (_resolved.TryGetValue(key, out var cached)) return cached;
        var resolved = ResolveUncached(reference, baseFilePath, properties);
        if (!resolved.IsDefaultOrEmpty) _resolved[key] = resolved;
        return resolved;
    }

    private ImmutableArray<PortableExecutableReference> ResolveUncached(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        if (reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)) return [];   // blanked; the session adds package assemblies
        if (LooksLikePath(reference))
        {
            var path = FullPath(reference);
            if (!File.Exists(path)) return [];
            return [HostCopyOf(path) is { } host ? HostReference(host, properties) : MetadataReference.CreateFromFile(path, properties)];
        }
        var resolved = _inner.ResolveReference(reference, baseFilePath, properties);
        return resolved.IsDefaultOrEmpty ? resolved
            : [.. resolved.Select(r => r.FilePath is { } file && IsHostFile(file) ? HostReference(file, r.Properties) : r)];
    }

    /// <summary>A reference to a restored package's assembly: the host's copy when the process already runs that assembly.</summary>
    public static PortableExecutableReference PackageReference(string path) =>
        HostCopyOf(path) is { } host ? HostReference(host, MetadataReferenceProperties.Assembly) : MetadataReference.CreateFromFile(path);

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        _missing.GetOrAdd(referenceIdentity.GetDisplayName() + "|" + (definition as PortableExecutableReference)?.FilePath,
            _ => ResolveMissingUncached(definition, referenceIdentity));

    private PortableExecutableReference? ResolveMissingUncached(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        if (HostCopyOfName(referenceIdentity.Name) is { } host) return HostReference(host, MetadataReferenceProperties.Assembly);
        if (definition is PortableExecutableReference { FilePath: { } definitionPath })
        {
            var beside = Path.Combine(Path.GetDirectoryName(definitionPath)!, referenceIdentity.Name + ".dll");
            if (File.Exists(beside)) return MetadataReference.CreateFromFile(beside);
        }
        return _inner.ResolveMissingAssembly(definition, referenceIdentity);
    }

    internal static bool LooksLikePath(string reference) =>
        reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || reference.Contains('/') || reference.Contains('\\');

    /// <summary>The file the host runs for the assembly stored at <paramref name="path"/>, if it has one.</summary>
    private static string? HostCopyOf(string path)
    {
        string name;
        try { name = AssemblyName.GetAssemblyName(path).Name ?? ""; }
        catch (BadImageFormatException) { return null; }
        return HostCopyOfName(name);
    }

    private static bool IsHostFile(string path) =>
        HostCopyOfName(Path.GetFileNameWithoutExtension(path)) is { } host && string.Equals(Path.GetFullPath(path), host, StringComparison.Ordinal);

    private static string? HostCopyOfName(string simpleName)
    {
        foreach (var loaded in AssemblyLoadContext.Default.Assemblies)
            if (string.Equals(loaded.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(loaded.Location))
                return loaded.Location;
        return TrustedPlatformAssemblies.Value.GetValueOrDefault(simpleName);
    }

    public override bool Equals(object? other) => other is NotebookReferenceResolver r && r.BaseDirectory == BaseDirectory;

    public override int GetHashCode() => BaseDirectory.GetHashCode(StringComparison.Ordinal);
}
