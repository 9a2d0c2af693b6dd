using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Rewrites a cell's <c>a.matmul(b)</c>, <c>torch.matmul(a, b)</c> and <c>matmul(a, b)</c> into
/// <see cref="TorchCalls.matmul"/>. TorchSharp 0.107 aborts the process on a matmul shape mismatch;
/// this turns it into an error the cell shows. Only calls the compiler binds to TorchSharp's matmul are
/// rewritten (a learner's own <c>matmul</c> on arrays stays theirs); calls with named arguments or
/// <c>?.</c> are left alone. No line breaks are added or removed, so error line numbers stay right.
/// </summary>
internal sealed class MatmulRewriter : CSharpSyntaxRewriter
{
    private static readonly ExpressionSyntax Target =
        SyntaxFactory.ParseExpression("global::GenAI.Notebooks.Scripting.TorchCalls.matmul");

    /// <summary>Cheap pre-check: most cells never mention matmul.</summary>
    public static bool Applies(string code) => code.Contains("matmul", StringComparison.Ordinal);

    private readonly HashSet<TextSpan> _calls;

    private MatmulRewriter(HashSet<TextSpan> calls) => _calls = calls;

    /// <summary>The submission's text with its TorchSharp matmul calls rewritten, or null when it has none.</summary>
    public static string? Rewrite(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "matmul" }
                                           or IdentifierNameSyntax { Identifier.ValueText: "matmul" })
            .Where(call => IsTorchSharp(model.GetSymbolInfo(call).Symbol))
            .Select(call => call.Span)
            .ToHashSet();
        return calls.Count == 0 ? null : new MatmulRewriter(calls).Visit(tree.GetRoot()).ToFullString();
    }

    private static bool IsTorchSharp(ISymbol? symbol) =>
        symbol is IMethodSymbol { Name: "matmul" } method
        && method.ContainingAssembly?.Name == "TorchSharp"
        && method.Parameters.All(p => p.Type.Name == "Tensor");

    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        bool ours = _calls.Contains(node.Span);
        var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
        if (!ours) return visited;
        var args = visited.ArgumentList.Arguments;
        if (args.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None))) return visited;

        switch (visited.Expression)
        {
            // torch.matmul(a, b) or a static-style call on any receiver with two operands.
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "matmul" } member when args.Count == 2:
                return Call(visited, args, member.GetLeadingTrivia(), Moved(member));
            // a.matmul(b): the receiver becomes the first operand; the trivia around ".matmul" moves behind the comma.
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "matmul" } member when args.Count == 1
                && member.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                var receiver = SyntaxFactory.Argument(member.Expression.WithoutLeadingTrivia());
                var operand = args[0].WithLeadingTrivia(Moved(member).AddRange(args[0].GetLeadingTrivia()));
                return Call(visited, SyntaxFactory.SeparatedList([receiver, operand]), member.GetLeadingTrivia(), default);
            // matmul(a, b) under `using static TorchSharp.torch`.
            case IdentifierNameSyntax { Identifier.ValueText: "matmul" } name when args.Count == 2:
                return Call(visited, args, name.GetLeadingTrivia(), name.GetTrailingTrivia());
            default:
                return visited;
        }
    }

    /// <summary>Trivia inside <c>x.matmul</c> that would vanish with the member access (line breaks, comments).</summary>
    private static SyntaxTriviaList Moved(MemberAccessExpressionSyntax member) =>
        member.OperatorToken.LeadingTrivia.AddRange(member.OperatorToken.TrailingTrivia)
            .AddRange(member.Name.GetLeadingTrivia()).AddRange(member.Name.GetTrailingTrivia());

    private static InvocationExpressionSyntax Call(InvocationExpressionSyntax original, SeparatedSyntaxList<ArgumentSyntax> args,
        SyntaxTriviaList leading, SyntaxTriviaList inner)
    {
        var list = original.ArgumentList.WithArguments(args);
        list = list.WithOpenParenToken(list.OpenParenToken.WithLeadingTrivia(inner.AddRange(list.OpenParenToken.LeadingTrivia)));
        return original.WithExpression(Target.WithLeadingTrivia(leading)).WithArgumentList(list)
            .WithTrailingTrivia(original.GetTrailingTrivia());
    }
}
