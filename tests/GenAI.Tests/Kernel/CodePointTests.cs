using GenAI.Kernel;

namespace GenAI.Tests.Kernel;

/// <summary>cursor_pos counts Unicode code points (protocol 5.2); .NET strings count UTF-16 units.</summary>
public class CodePointTests
{
    [Test]
    public void Positions_after_a_character_outside_the_bmp_differ_by_one()
    {
        const string code = "var 😀 = 1; Console.Wri";   // the emoji is two UTF-16 units, one code point
        Assert.That(CodePoints.ToUtf16(code, 6), Is.EqualTo(7));
        Assert.That(CodePoints.FromUtf16(code, code.Length), Is.EqualTo(code.Length - 1));
        Assert.That(CodePoints.ToUtf16(code, CodePoints.FromUtf16(code, code.Length)), Is.EqualTo(code.Length));
        Assert.That(CodePoints.ToUtf16(code, 1000), Is.EqualTo(code.Length), "clamped to the text");
    }

    [Test]
    public void Next_line_indent_follows_an_open_brace()
    {
        Assert.That(JupyterKernel.NextIndent("if (x)\n{"), Is.EqualTo("    "));
        Assert.That(JupyterKernel.NextIndent("  foo(\n    bar,"), Is.EqualTo("    "));
    }
}
