using GenAI.Kernel.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace GenAI.Tests.Kernel;

/// <summary>Completion and hover from Roslyn's semantic model of a script submission that follows earlier cells.</summary>
public class RoslynIntrospectionTests
{
    private static readonly ScriptOptions Options = ScriptOptions.Default
        .AddReferences(typeof(Enumerable).Assembly, typeof(GenAI.Display.MimeBundle).Assembly)
        .AddImports("System", "System.Linq", "System.Collections.Generic");

    /// <summary>The compilation of <paramref name="code"/> as the cell after one that declared <c>int counter</c>.</summary>
    private static Compilation NextCell(string code) =>
        CSharpScript.Create("int counter = 41; var words = new List<string>();", Options).ContinueWith(code, Options).GetCompilation();

    [Test]
    public void Members_of_a_type_name_are_its_static_members()
    {
        var result = RoslynCompletion.Complete(NextCell("Console.WriteL"), 14);
        Assert.That(result.Matches, Is.EqualTo(new[] { "WriteLine" }));
        Assert.That((result.Start, result.End), Is.EqualTo((8, 14)));
    }

    [Test]
    public void Members_of_an_earlier_cells_variable_include_instance_and_extension_methods()
    {
        var code = "words.";
        var matches = RoslynCompletion.Complete(NextCell(code), code.Length).Matches;
        Assert.That(matches, Does.Contain("Add").And.Contain("Count").And.Contain("Select"));
        Assert.That(matches, Does.Not.Contain("ReferenceEquals"), "static members are not offered on an instance");
    }

    [Test]
    public void Names_in_scope_include_earlier_variables_and_types_and_keywords()
    {
        Assert.That(RoslynCompletion.Complete(NextCell("coun"), 4).Matches, Does.Contain("counter"));
        Assert.That(RoslynCompletion.Complete(NextCell("var x = Stri"), 12).Matches, Does.Contain("String").And.Contain("StringComparer"));
        Assert.That(RoslynCompletion.Complete(NextCell("whi"), 3).Matches, Does.Contain("while"));
    }

    [Test]
    public void Each_match_carries_its_kind_for_the_frontends_icons()
    {
        var result = RoslynCompletion.Complete(NextCell("Console.Write"), 13);
        var kinds = result.Matches.Zip(result.Kinds!).ToDictionary(p => p.First, p => p.Second);
        Assert.That(kinds["WriteLine"], Is.EqualTo("method"));
        var scope = RoslynCompletion.Complete(NextCell("co"), 2);
        var scopeKinds = scope.Matches.Zip(scope.Kinds!).ToDictionary(p => p.First, p => p.Second);
        Assert.That(scopeKinds["counter"], Is.EqualTo("variable"));
        Assert.That(scopeKinds["const"], Is.EqualTo("keyword"));
        Assert.That(scopeKinds["Console"], Is.EqualTo("class"));
    }

    [Test]
    public void Members_of_a_namespace_are_its_types_and_namespaces()
    {
        var code = "System.Collections.Gen";
        Assert.That(RoslynCompletion.Complete(NextCell(code), code.Length).Matches, Is.EqualTo(new[] { "Generic" }));
    }

    [Test]
    public void Inspect_shows_signature_and_the_summary_from_the_sdk_docs()
    {
        var code = "Console.WriteLine";
        var text = RoslynInspection.Inspect(NextCell(code), code.Length, new XmlDocumentation());
        Assert.That(text, Does.Contain("Console.WriteLine("));
        if (!text!.Contains("Writes", StringComparison.Ordinal))
            Assert.Inconclusive("no IntelliSense XML found in the SDK's targeting pack; only the signature was shown");
    }

    [Test]
    public void Inspect_of_an_earlier_variable_shows_its_type()
    {
        var text = RoslynInspection.Inspect(NextCell("counter + 1"), 3, new XmlDocumentation());
        Assert.That(text, Does.Contain("int").And.Contain("counter"));
    }

    [Test]
    public void Inspect_reads_the_course_library_docs_beside_its_assembly()
    {
        var code = "GenAI.Display.MimeBundle.PlainText";
        var text = RoslynInspection.Inspect(NextCell(code), code.Length, new XmlDocumentation());
        Assert.That(text, Does.Contain("A bundle with only a plain-text representation."));
    }

    [Test]
    public void Inspect_on_whitespace_finds_nothing()
    {
        Assert.That(RoslynInspection.Inspect(NextCell("   "), 1, new XmlDocumentation()), Is.Null);
    }
}
