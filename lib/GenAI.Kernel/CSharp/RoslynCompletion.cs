using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenAI.Kernel.CSharp;

/// <summary>
/// Completion from Roslyn's semantic model of the next submission: after a dot, the members of the
/// expression's type (static members for a type name, types and namespaces for a namespace); otherwise
/// everything in scope — locals and earlier cells' variables, types, namespaces — plus C# keywords.
/// </summary>
public static class RoslynCompletion
{
    private static readonly string[] Keywords =
    [
        .. SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText),
        .. SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText),
    ];

    /// <summary>Matches for the identifier that ends at <paramref name="cursor"/> (a UTF-16 index into the submission's text).</summary>
    public static CompletionResult Complete(Compilation compilation, int cursor)
    {
        var tree = compilation.SyntaxTrees.Last();
        var text = tree.GetText().ToString();
        cursor = Math.Clamp(cursor, 0, text.Length);
        int start = cursor;
        while (start > 0 && IsIdentifierPart(text[start - 1])) start--;
        string prefix = text[start..cursor];
        var model = compilation.GetSemanticModel(tree);

        IEnumerable<(string Name, string Kind)> candidates;
        if (start > 0 && text[start - 1] == '.')
        {
            var dot = tree.GetRoot().FindToken(start - 1);
            candidates = Receiver(dot) is { } receiver ? MembersOf(model, receiver, start).Select(s => (s.Name, KindOf(s))) : [];
        }
        else
        {
            candidates = model.LookupSymbols(start).Where(s => s.CanBeReferencedByName).Select(s => (s.Name, KindOf(s)))
                .Concat(Keywords.Select(k => (k, "keyword")));
        }
        var matches = candidates
            .Where(c => c.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(c => c.Name, StringComparer.Ordinal)
            .OrderBy(c => !c.Name.StartsWith(prefix, StringComparison.Ordinal))   // exact-case matches first
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CompletionResult([.. matches.Select(c => c.Name)], start, cursor, [.. matches.Select(c => c.Kind)]);
    }

    /// <summary>Kind names as IPython reports them, which frontends map to completion icons.</summary>
    private static string KindOf(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol { ContainingType.IsScriptClass: true } or ILocalSymbol => "variable",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        IParameterSymbol => "parameter",
        INamespaceSymbol => "module",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        ITypeSymbol => "class",
        _ => "text",
    };

    /// <summary>The expression left of a member-access dot (<c>a.b</c>, <c>A.B</c> in a name, <c>a?.b</c>).</summary>
    private static SyntaxNode? Receiver(SyntaxToken dot) => dot.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression,
        QualifiedNameSyntax name => name.Left,
        MemberBindingExpressionSyntax binding => binding.Parent?.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
        _ => null,
    };

    private static IEnumerable<ISymbol> MembersOf(SemanticModel model, SyntaxNode receiver, int position)
    {
        var symbol = model.GetSymbolInfo(receiver).Symbol;
        if (symbol is INamespaceSymbol ns) return model.LookupNamespacesAndTypes(position, ns);
        if (symbol is ITypeSymbol type) return model.LookupStaticMembers(position, type).Where(s => s.CanBeReferencedByName);
        var instanceType = model.GetTypeInfo(receiver).Type;
        if (instanceType is null or IErrorTypeSymbol) return [];
        if (instanceType.IsReferenceType == false && instanceType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            && receiver.Parent is ConditionalAccessExpressionSyntax && instanceType is INamedTypeSymbol { TypeArguments: [var underlying] })
            instanceType = underlying;   // x?.Foo on an int? reaches the int's members
        return model.LookupSymbols(position, instanceType, includeReducedExtensionMethods: true)
            .Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension })
            .Where(s => s.CanBeReferencedByName);
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@';
}
