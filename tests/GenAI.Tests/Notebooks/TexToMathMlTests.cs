using GenAI.Notebooks.Export;

namespace GenAI.Tests.Notebooks;

public class TexToMathMlTests
{
    private static string Body(string tex)
    {
        var math = TexToMathMl.Convert(tex, display: false);
        int start = math.IndexOf("<semantics>", StringComparison.Ordinal) + "<semantics>".Length;
        return math[start..math.IndexOf("<annotation", StringComparison.Ordinal)];
    }

    [TestCase(@"\frac{a}{b}", "<mfrac><mi>a</mi><mi>b</mi></mfrac>")]
    [TestCase(@"x_i^2", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")]
    [TestCase(@"x^{10}", "<msup><mi>x</mi><mn>10</mn></msup>")]
    [TestCase(@"x^10", "<mrow><msup><mi>x</mi><mn>1</mn></msup><mn>0</mn></mrow>")]
    [TestCase(@"\mathbb{R}^n", "<msup><mi>ℝ</mi><mi>n</mi></msup>")]
    [TestCase(@"\mathcal{N}", "<mi>𝒩</mi>")]
    [TestCase(@"\mathbf{x}", "<mi>𝐱</mi>")]
    [TestCase(@"\sqrt{2}", "<msqrt><mn>2</mn></msqrt>")]
    [TestCase(@"\alpha \cdot \beta", "<mrow><mi>α</mi><mo>⋅</mo><mi>β</mi></mrow>")]
    [TestCase(@"\Sigma", "<mi mathvariant=\"normal\">Σ</mi>")]
    [TestCase(@"-x", "<mrow><mo form=\"prefix\">−</mo><mi>x</mi></mrow>")]
    [TestCase(@"\text{für } x", "<mrow><mtext>für\u00A0</mtext><mi>x</mi></mrow>")]
    [TestCase(@"\sum_{i=1}^{n}",
        "<munderover><mo movablelimits=\"true\" largeop=\"true\">∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>")]
    [TestCase(@"\left( x \right)", "<mrow><mo stretchy=\"true\" fence=\"true\">(</mo><mi>x</mi><mo stretchy=\"true\" fence=\"true\">)</mo></mrow>")]
    [TestCase(@"\log x", "<mrow><mi>log</mi><mo>\u2061</mo><mspace width=\"0.1667em\"></mspace><mi>x</mi></mrow>")]
    [TestCase(@"\lVert x \rVert", "<mrow><mo>‖</mo><mi>x</mi><mo>‖</mo></mrow>")]
    [TestCase(@"\lvert x \rvert", "<mrow><mo>|</mo><mi>x</mi><mo>|</mo></mrow>")]
    public void Common_commands_become_mathml(string tex, string expected) => Assert.That(Body(tex), Is.EqualTo(expected));

    [Test]
    public void An_unknown_command_is_shown_as_source_not_dropped()
    {
        var body = Body(@"\foo{x} + 1");
        Assert.That(body, Does.Contain("<mtext class=\"tex-unknown\" style=\"color: #b00020\">\\foo</mtext>"));
        Assert.That(body, Does.Contain("<mi>x</mi>"));
    }

    [Test]
    public void A_matrix_becomes_a_table_in_brackets()
    {
        var body = Body(@"\begin{pmatrix} a & b \\ c & d \end{pmatrix}");
        Assert.That(body, Is.EqualTo("<mrow><mo stretchy=\"true\" fence=\"true\">(</mo><mtable>"
            + "<mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr>"
            + "</mtable><mo stretchy=\"true\" fence=\"true\">)</mo></mrow>"));
    }

    [Test]
    public void The_source_travels_along_as_an_annotation()
    {
        var math = TexToMathMl.Convert(@"a < b", display: true);
        Assert.That(math, Does.StartWith("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"));
        Assert.That(math, Does.Contain("<annotation encoding=\"application/x-tex\">a &lt; b</annotation>"));
        Assert.That(math, Does.Contain("<mo>&lt;</mo>"));
    }
}
