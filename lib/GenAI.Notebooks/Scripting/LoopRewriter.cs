using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Rewrites every <c>while</c>/<c>do</c>/<c>for</c>/<c>foreach</c> body of a cell to start with
/// <see cref="Interrupt.Check"/>. .NET cannot abort a thread, so this is how an interrupt reaches
/// a loop that never awaits. Inserted text contains no line breaks: line numbers in errors stay right.
/// (Loops built from <c>goto</c> and long calls into libraries are not covered.)
/// </summary>
internal sealed class LoopRewriter : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax CheckCall =
        SyntaxFactory.ParseStatement("global::GenAI.Notebooks.Scripting.Interrupt.Check();");

    public static string Rewrite(SyntaxTree tree) => Rewrite(tree.GetRoot());

    public static string Rewrite(SyntaxNode root) => new LoopRewriter().Visit(root).ToFullString();

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(WithCheck(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(WithCheck(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(WithCheck(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(WithCheck(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(WithCheck(visited.Statement));
    }

    private static StatementSyntax WithCheck(StatementSyntax body)
    {
        if (body is BlockSyntax block)
            return block.WithStatements(block.Statements.Insert(0, CheckCall));
        // `while (c) x++;` becomes `while (c) {check; x++;}` keeping the body's own trivia outside.
        var inner = body.WithoutLeadingTrivia().WithoutTrailingTrivia();
        return SyntaxFactory.Block(CheckCall, inner)
            .WithLeadingTrivia(body.GetLeadingTrivia())
            .WithTrailingTrivia(body.GetTrailingTrivia());
    }
}
