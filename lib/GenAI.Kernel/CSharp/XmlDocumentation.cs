using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace GenAI.Kernel.CSharp;

/// <summary>
/// Finds a symbol's XML doc summary. Script references are loaded from implementation assemblies,
/// which carry no docs; so we read the <c>.xml</c> file beside the referenced assembly (our GenAI.dll
/// ships one) and, for the base library, the IntelliSense files of the SDK's targeting pack
/// (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net10.0/*.xml</c>), looking ids up by
/// documentation-comment id.
/// </summary>
public sealed partial class XmlDocumentation
{
    // Types of System.Private.CoreLib are documented under their reference-assembly names.
    private static readonly string[] CoreLibraryFacades =
        ["System.Runtime", "System.Collections", "System.Runtime.Intrinsics", "System.Threading", "System.Memory"];
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _files = new(StringComparer.Ordinal);
    private readonly string? _referencePack = FindReferencePack();

    /// <summary>The summary text of <paramref name="symbol"/>'s documentation, or null.</summary>
    public string? Summary(ISymbol symbol)
    {
        var definition = symbol.OriginalDefinition;
        var inline = definition.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(inline)) return SummaryOf(inline);
        if (definition.GetDocumentationCommentId() is not { } id || definition.ContainingAssembly is not { } assembly) return null;
        foreach (var file in CandidateFiles(assembly))
            if (Load(file).TryGetValue(id, out var summary)) return summary;
        return null;
    }

    private IEnumerable<string> CandidateFiles(IAssemblySymbol assembly)
    {
        var name = assembly.Identity.Name;
        var located = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.GetName().Name == name && a.Location.Length > 0)?.Location;
        if (located is not null) yield return Path.ChangeExtension(located, ".xml");
        if (_referencePack is null) yield break;
        yield return Path.Combine(_referencePack, name + ".xml");
        if (name == "System.Private.CoreLib")
            foreach (var facade in CoreLibraryFacades) yield return Path.Combine(_referencePack, facade + ".xml");
    }

    private IReadOnlyDictionary<string, string> Load(string file) => _files.GetOrAdd(file, path =>
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return summaries;
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            while (reader.ReadToFollowing("member"))
            {
                var id = reader.GetAttribute("name");
                if (id is null) continue;
                var member = (XElement)XNode.ReadFrom(reader);
                if (member.Element("summary") is { } summary) summaries[id] = Flatten(summary);
            }
        }
        catch (XmlException)
        {
            // A broken doc file only costs the summary.
        }
        return summaries;
    });

    private static string? SummaryOf(string xml)
    {
        try
        {
            var summary = XElement.Parse("<r>" + xml + "</r>").Descendants("summary").FirstOrDefault();
            return summary is null ? null : Flatten(summary);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Summary text with <c>&lt;see cref="T:X.Y"/&gt;</c> shown as <c>Y</c> and whitespace collapsed.</summary>
    private static string Flatten(XElement summary)
    {
        var parts = summary.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" or "seealso" } see =>
                (string?)see.Attribute("langword") ?? ShortName((string?)see.Attribute("cref") ?? see.Value),
            XElement { Name.LocalName: "paramref" or "typeparamref" } reference => (string?)reference.Attribute("name") ?? "",
            XElement element => element.Value,
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    private static string ShortName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        int paren = name.IndexOf('(');
        if (paren >= 0) name = name[..paren];
        return name[(name.LastIndexOf('.') + 1)..].Split('`')[0];
    }

    private static string? FindReferencePack()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtimeDir is null) return null;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        var tfm = $"net{Environment.Version.Major}.0";
        return Directory.GetDirectories(packs)
            .Select(dir => Path.Combine(dir, "ref", tfm))
            .Where(Directory.Exists)
            .OrderByDescending(dir => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(dir))), out var v) ? v : new Version())
            .FirstOrDefault();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
