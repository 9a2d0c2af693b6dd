using System.Net;
using System.Text;
using GenAI.Core;
using GenAI.Display;
using GenAI.Notebooks.Scripting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Classification;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace GenAI.Notebooks.Export;

/// <summary>
/// Highlights a notebook's C# cells with Roslyn's own <see cref="Classifier"/> — the classification
/// VS Code's C# extension shows, so types, methods and locals are told apart exactly, not guessed by
/// regular expressions. All code cells are classified as one script (separated by blank lines), so a
/// class declared in an early cell is coloured as a class where later cells use it.
/// </summary>
internal static class CSharpHighlighter
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    /// <summary>HTML (spans with CSS classes) for each cell, in the order given.</summary>
    public static IReadOnlyList<string> Highlight(IReadOnlyList<string> cells, string notebookDirectory)
    {
        var combined = new StringBuilder();
        var starts = new List<int>();
        foreach (var cell in cells)
        {
            starts.Add(combined.Length);
            combined.Append(CellSource.Normalize(cell)).Append("\n\n");
        }
        var text = combined.ToString();
        var spans = Classify(text, notebookDirectory);
        var result = new List<string>();
        for (int i = 0; i < cells.Count; i++)
            result.Add(ToHtml(text, spans, starts[i], starts[i] + cells[i].Length, cells[i]));
        return result;
    }

    private static List<ClassifiedSpan> Classify(string text, string notebookDirectory)
    {
        using var workspace = new AdhocWorkspace(MefHostServices.DefaultHost);
        var references = new List<MetadataReference>();
        foreach (var assembly in new[] { typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(Console).Assembly,
                                         typeof(List<>).Assembly, typeof(Queue<>).Assembly, typeof(GenAI.Display.Formatter).Assembly,
                                         typeof(ScriptGlobals).Assembly })
            if (!string.IsNullOrEmpty(assembly.Location)) references.Add(MetadataReference.CreateFromFile(assembly.Location));
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        foreach (var name in new[] { "System.Runtime.dll", "netstandard.dll" })
            if (File.Exists(Path.Combine(runtimeDir, name))) references.Add(MetadataReference.CreateFromFile(Path.Combine(runtimeDir, name)));
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                usings: ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks"])
            .WithMetadataReferenceResolver(new NotebookReferenceResolver(notebookDirectory));
        var projectId = ProjectId.CreateNewId();
        var project = ProjectInfo.Create(projectId, VersionStamp.Default, "notebook", "notebook", LanguageNames.CSharp,
            compilationOptions: compilationOptions, parseOptions: ParseOptions, metadataReferences: references,
            isSubmission: true, hostObjectType: typeof(ScriptGlobals));
        var solution = workspace.CurrentSolution.AddProject(project);
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(DocumentInfo.Create(documentId, "cells.csx", sourceCodeKind: SourceCodeKind.Script,
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text), VersionStamp.Default))));
        var document = solution.GetDocument(documentId)!;
        var spans = Classifier.GetClassifiedSpansAsync(document, new TextSpan(0, text.Length)).GetAwaiter().GetResult();
        // Additive classifications (e.g. "static symbol") overlap a primary one; keep the primary.
        return [.. spans.Where(s => !ClassificationTypeNames.AdditiveTypeNames.Contains(s.ClassificationType)).OrderBy(s => s.TextSpan.Start)];
    }

    private static string ToHtml(string text, List<ClassifiedSpan> spans, int start, int end, string original)
    {
        var sb = new StringBuilder();
        int pos = start;
        foreach (var span in spans)
        {
            if (span.TextSpan.End <= start || span.TextSpan.Start >= end) continue;
            int s = Math.Max(span.TextSpan.Start, start), e = Math.Min(span.TextSpan.End, end);
            if (s < pos) continue;
            sb.Append(Encode(original, pos - start, s - start));
            var css = CssClass(span.ClassificationType);
            if (css is null) sb.Append(Encode(original, s - start, e - start));
            else sb.Append("<span class=\"").Append(css).Append("\">").Append(Encode(original, s - start, e - start)).Append("</span>");
            pos = e;
        }
        sb.Append(Encode(original, pos - start, end - start));
        return sb.ToString();
    }

    // Encoded from the original text so a blanked "#!csharp" line still shows as written.
    private static string Encode(string original, int from, int to) => to > from ? HtmlText.Escape(original[from..to]) : "";

    private static string? CssClass(string classification) => classification switch
    {
        ClassificationTypeNames.Keyword or ClassificationTypeNames.ControlKeyword => "kw",
        ClassificationTypeNames.PreprocessorKeyword or ClassificationTypeNames.PreprocessorText => "pp",
        ClassificationTypeNames.StringLiteral or ClassificationTypeNames.VerbatimStringLiteral or ClassificationTypeNames.StringEscapeCharacter => "str",
        ClassificationTypeNames.NumericLiteral => "num",
        ClassificationTypeNames.Comment => "com",
        ClassificationTypeNames.ClassName or ClassificationTypeNames.RecordClassName or ClassificationTypeNames.StructName
            or ClassificationTypeNames.RecordStructName or ClassificationTypeNames.InterfaceName or ClassificationTypeNames.EnumName
            or ClassificationTypeNames.DelegateName or ClassificationTypeNames.TypeParameterName or ClassificationTypeNames.ModuleName => "type",
        ClassificationTypeNames.MethodName or ClassificationTypeNames.ExtensionMethodName => "fn",
        ClassificationTypeNames.PropertyName or ClassificationTypeNames.FieldName or ClassificationTypeNames.EventName
            or ClassificationTypeNames.ConstantName or ClassificationTypeNames.EnumMemberName => "mem",
        ClassificationTypeNames.LocalName or ClassificationTypeNames.ParameterName => "var",
        ClassificationTypeNames.NamespaceName => "ns",
        _ when classification.StartsWith("xml doc comment", StringComparison.Ordinal) => "com",
        _ => null,
    };
}
