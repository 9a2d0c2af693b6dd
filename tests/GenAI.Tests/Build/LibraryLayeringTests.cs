using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenAI.Tests.Build;

/// <summary>
/// Keeps the folders of lib/GenAI layered: each concept folder (= namespace GenAI.X) uses only the
/// folders below it. The allowed graph is the one the README's folder map draws.
/// </summary>
public class LibraryLayeringTests
{
    // Bottom to top. A folder may use itself, the folders listed for it, and the root namespace GenAI
    // (CourseInfo, CourseRepository), which uses nothing.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Core"] = [],
        ["Numerics"] = ["Core"],
        ["Display"] = ["Core"],
        ["Plotting"] = ["Core", "Numerics", "Display"],
        ["Data"] = ["Core", "Numerics", "Display", "Plotting"],
        ["Text"] = ["Core", "Numerics", "Display", "Plotting", "Data"],
        ["Models"] = ["Core", "Numerics", "Display", "Plotting", "Data", "Text"],
        ["Forwards"] = [],
        [Root] = [],
    };

    private const string Root = "(GenAI)";

    private static string LibraryFolder =>
        Path.Combine(CourseRepository.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no GenAI.slnx above the test folder"),
            "lib", "GenAI");

    [Test]
    public void Each_library_folder_uses_only_the_folders_below_it()
    {
        var violations = new List<string>();
        foreach (var (file, from, to) in FolderDependencies())
            if (to != from && !Allowed[from].Contains(to))
                violations.Add($"{file}: {from} → {to}");
        Assert.That(violations, Is.Empty,
            "These files use a folder above their own; move the shared piece down (e.g. to Core) or register from above:\n"
            + string.Join("\n", violations.Distinct()));
    }

    [Test]
    public void Every_library_folder_has_a_place_in_the_layering()
    {
        var folders = Directory.GetDirectories(LibraryFolder)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .Where(name => Directory.EnumerateFiles(Path.Combine(LibraryFolder, name!), "*.cs", SearchOption.AllDirectories).Any());
        Assert.That(folders, Is.SubsetOf(Allowed.Keys.Where(k => k != Root)), "a new folder needs its row in Allowed and in the README's folder map");
    }

    [Test]
    public void Each_file_declares_the_namespace_of_its_folder()
    {
        // The scan maps files to layers by folder; a file whose namespace names another folder would hide an edge.
        var misplaced = new List<string>();
        foreach (var path in Directory.EnumerateFiles(LibraryFolder, "*.cs", SearchOption.AllDirectories))
        {
            var parts = Path.GetRelativePath(LibraryFolder, path).Split(Path.DirectorySeparatorChar);
            if (parts[0] is "bin" or "obj" or "Forwards") continue;
            var expected = parts.Length == 1 ? "GenAI" : "GenAI." + parts[0];
            var declared = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot()
                .DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString());
            misplaced.AddRange(declared.Where(ns => ns != expected && !ns.StartsWith(expected + ".", StringComparison.Ordinal))
                .Select(ns => $"{string.Join('/', parts)}: namespace {ns}"));
        }
        Assert.That(misplaced, Is.Empty);
    }

    [Test]
    public void The_allowed_graph_itself_has_no_cycle()
    {
        // Depth-first search over Allowed; a back edge would let two folders depend on each other.
        var state = new Dictionary<string, int>();
        bool Cyclic(string folder)
        {
            if (state.TryGetValue(folder, out int s)) return s == 1;
            state[folder] = 1;
            bool cyclic = Allowed[folder].Any(Cyclic);
            state[folder] = 2;
            return cyclic;
        }
        Assert.That(Allowed.Keys.Where(Cyclic), Is.Empty);
    }

    [Test]
    public void The_check_sees_usings_qualified_names_and_crefs()
    {
        // The scanner is the oracle of the first test, so it is checked on a file with every form.
        const string source = """
            using GenAI.Display;
            using static GenAI.Core.GermanNumber;
            using Grid = GenAI.Plotting.ImageGrid;
            namespace GenAI.Data;
            /// <summary>See <see cref="GenAI.Numerics.Pca"/> and <see cref="GenAI.Forwards"/>.</summary>
            class C
            {
                // GenAI.Models in a comment is not a dependency.
                string M() => GenAI.Text.TokenView.ToString() + "GenAI.Models" + global::GenAI.Models.Vae.Name;
            }
            """;
        var found = References(CSharpSyntaxTree.ParseText(source)).Order();
        Assert.That(found, Is.EqualTo(new[] { "Core", "Display", "Forwards", "Models", "Numerics", "Plotting", "Text" }));
    }

    private static IEnumerable<(string File, string From, string To)> FolderDependencies()
    {
        foreach (var path in Directory.EnumerateFiles(LibraryFolder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(LibraryFolder, path);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts[0] is "bin" or "obj") continue;
            var folder = parts.Length == 1 ? Root : parts[0];
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path);
            foreach (var to in References(tree)) yield return (relative, folder, to);
        }
    }

    /// <summary>The second segment of every GenAI.X name in code, usings and documentation crefs.</summary>
    private static HashSet<string> References(SyntaxTree tree)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in tree.GetRoot().DescendantNodes(descendIntoTrivia: true))
        {
            // The leftmost "GenAI" of a dotted chain: GenAI.X.Y as a name, or GenAI.X.Y.M() as member access.
            if (node is not IdentifierNameSyntax { Identifier.ValueText: "GenAI" } name
                || name.Ancestors().Any(a => a is BaseNamespaceDeclarationSyntax ns && ns.Name.Span.Contains(name.Span))) continue;
            SyntaxNode root = name.Parent is AliasQualifiedNameSyntax alias && alias.Name == name ? alias : name; // global::GenAI
            SyntaxNode? next = root.Parent switch
            {
                QualifiedNameSyntax q when q.Left == root => q.Right,
                MemberAccessExpressionSyntax m when m.Expression == root => m.Name,
                QualifiedCrefSyntax c when c.Container == root => (c.Member as NameMemberCrefSyntax)?.Name,
                _ => null,
            };
            if (next is SimpleNameSyntax segment) found.Add(segment.Identifier.ValueText);
        }
        return found;
    }
}
