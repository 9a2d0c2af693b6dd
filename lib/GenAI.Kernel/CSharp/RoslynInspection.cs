using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenAI.Kernel.CSharp;

/// <summary>
/// Hover text for inspect_request: the symbol under the cursor, its signature (all overloads of a
/// method group), and the <c>&lt;summary&gt;</c> of its XML documentation.
/// </summary>
public static class RoslynInspection
{
    private const int MaxOverloads = 8;

    // "void Console.WriteLine(string? value)", "int counter": return and member types, parameters with names.
    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters |
                           SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName |
                              SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut)
        .WithLocalOptions(SymbolDisplayLocalOptions.IncludeType);

    // Variables of earlier cells are fields of compiler-made "Submission#N" classes; that name helps nobody.
    private static readonly SymbolDisplayFormat ScriptMember = Signature.RemoveMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType);

    /// <summary>Text for the symbol at <paramref name="cursor"/> (UTF-16), or null when there is none.</summary>
    public static string? Inspect(Compilation compilation, int cursor, XmlDocumentation docs)
    {
        var tree = compilation.SyntaxTrees.Last();
        var root = tree.GetRoot();
        var model = compilation.GetSemanticModel(tree);
        var length = root.FullSpan.Length;
        // The cursor usually sits right after the name ("Console|"), so look at the token before it too.
        foreach (int position in new[] { cursor, cursor - 1 }.Where(p => p >= 0 && p < length).Distinct())
        {
            var token = root.FindToken(position);
            if (token.Parent is not { } node) continue;
            if (SymbolsAt(model, node) is { Count: > 0 } symbols) return Describe(symbols, docs);
        }
        return null;
    }

    private static List<ISymbol> SymbolsAt(SemanticModel model, SyntaxNode node)
    {
        if (node is IdentifierNameSyntax or GenericNameSyntax or PredefinedTypeSyntax or QualifiedNameSyntax || node.Parent is MemberAccessExpressionSyntax)
        {
            var info = model.GetSymbolInfo(node);
            if (info.Symbol is { } symbol) return [symbol];
            if (!info.CandidateSymbols.IsEmpty) return [.. info.CandidateSymbols];
            if (model.GetTypeInfo(node).Type is { TypeKind: not TypeKind.Error } type) return [type];
        }
        return model.GetDeclaredSymbol(node) is { } declared ? [declared] : [];
    }

    private static string Describe(List<ISymbol> symbols, XmlDocumentation docs)
    {
        var text = new StringBuilder();
        foreach (var symbol in symbols.Take(MaxOverloads))
            text.AppendLine(symbol.ToDisplayString(symbol.ContainingType is { IsScriptClass: true } ? ScriptMember : Signature));
        if (symbols.Count > MaxOverloads) text.AppendLine($"(+{symbols.Count - MaxOverloads} Überladungen)");
        if (docs.Summary(symbols[0]) is { Length: > 0 } summary) text.AppendLine().AppendLine(summary);
        return text.ToString().TrimEnd();
    }
}
